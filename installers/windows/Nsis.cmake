# The Windows installer (cpack -G NSIS; needs NSIS 3). It installs into Program Files\Coffer with a
# Start-menu shortcut, removes an earlier version first (same registry key across versions), and
# never replaces files under a running Coffer: until coffer.exe has quit it asks to quit it (tray
# icon > Quit Coffer) and offers Retry or Cancel. The uninstaller asks the same.
set(CPACK_NSIS_PACKAGE_NAME "Coffer")
set(CPACK_NSIS_DISPLAY_NAME "Coffer")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Coffer")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\coffer.exe")
set(CPACK_NSIS_MUI_ICON "${COFFER_ICON_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${COFFER_ICON_ICO}")
set(CPACK_NSIS_MUI_FINISHPAGE_RUN "coffer.exe")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_IGNORE_LICENSE_PAGE ON)
set(CPACK_NSIS_MODIFY_PATH OFF)

# Waits until no coffer.exe runs (tasklist's output names it while one does), or gives up on Cancel.
# Labels are per section, so the same text serves the install and the uninstall section.
set(coffer_wait_until_closed "
  coffer_check_running:
  nsExec::ExecToStack 'cmd /c tasklist /FI \"IMAGENAME eq coffer.exe\" /NH | find /I \"coffer.exe\"'
  Pop $0
  Pop $1
  StrCmp $0 \"0\" 0 coffer_not_running
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \"Coffer is running. Quit it (its tray icon > Quit Coffer, or File > Quit), then click Retry.\" IDRETRY coffer_check_running
  Abort \"Coffer is still running.\"
  coffer_not_running:
")
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS "${coffer_wait_until_closed}")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "${coffer_wait_until_closed}")
