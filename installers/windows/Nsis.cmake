# The Windows installer (cpack -G NSIS; needs NSIS 3). It installs into Program Files\Coffer with a
# Start-menu shortcut, removes an earlier version first (same registry key across versions), and
# never replaces files under a running Coffer: while coffer.exe or cofferctl.exe (a daemon) runs
# it asks to quit it and offers Retry or Cancel; a silent install (/S) gives up instead. The
# uninstaller asks the same. The installer runs elevated, so it does not start Coffer at the end
# (that would run it as the administrator, with their data folder and credentials).
set(CPACK_NSIS_PACKAGE_NAME "Coffer")
set(CPACK_NSIS_DISPLAY_NAME "Coffer")
set(CPACK_PACKAGE_INSTALL_REGISTRY_KEY "Coffer")
set(CPACK_NSIS_INSTALL_ROOT "$PROGRAMFILES64")
set(CPACK_NSIS_EXECUTABLES_DIRECTORY "bin")
set(CPACK_NSIS_INSTALLED_ICON_NAME "bin\\coffer.exe")
set(CPACK_NSIS_MUI_ICON "${COFFER_ICON_ICO}")
set(CPACK_NSIS_MUI_UNIICON "${COFFER_ICON_ICO}")
set(CPACK_NSIS_ENABLE_UNINSTALL_BEFORE_INSTALL ON)
set(CPACK_NSIS_IGNORE_LICENSE_PAGE ON)
set(CPACK_NSIS_MODIFY_PATH OFF)

# Waits until neither program runs (tasklist's output names a running one), or gives up on Cancel.
# Labels are per section, so the same text serves the install and the uninstall section.
set(coffer_wait_until_closed "
  coffer_check_running:
  nsExec::ExecToStack 'cmd /c tasklist /NH | findstr /I /B \"coffer.exe cofferctl.exe\"'
  Pop $0
  Pop $1
  StrCmp $0 \"0\" 0 coffer_not_running
  MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION \"Coffer is running. Quit it (its tray icon > Quit Coffer, or File > Quit; stop a cofferctl daemon with Ctrl+C), then click Retry.\" /SD IDCANCEL IDRETRY coffer_check_running
  Abort \"Coffer is still running.\"
  coffer_not_running:
")
set(CPACK_NSIS_EXTRA_PREINSTALL_COMMANDS "${coffer_wait_until_closed}")
set(CPACK_NSIS_EXTRA_UNINSTALL_COMMANDS "${coffer_wait_until_closed}")
