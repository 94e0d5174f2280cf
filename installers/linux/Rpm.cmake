# The .rpm (cpack -G RPM; needs rpmbuild). rpmbuild finds the shared libraries it needs on its own
# (AutoReq: their sonames, e.g. libspdlog.so.1.10, as found on the build machine), so build it on
# the Fedora release it is for; the Requires add what Qt loads at run time, by Fedora's names.
set(CPACK_RPM_PACKAGE_LICENSE "Proprietary")
set(CPACK_RPM_PACKAGE_GROUP "Applications/Productivity")
set(CPACK_RPM_PACKAGE_AUTOREQ ON)
set(CPACK_RPM_PACKAGE_REQUIRES "qt6-qtbase-gui >= 6.4, qt6-qtcharts >= 6.4, qtkeychain-qt6")
set(CPACK_RPM_FILE_NAME RPM-DEFAULT)
# Folders other packages own (the desktop's menu, icon theme, MIME and metadata folders) must not
# be claimed by Coffer's package, or it conflicts with them on install.
set(coffer_shared_dirs /usr/share/applications /usr/share/metainfo /usr/share/mime /usr/share/mime/packages
    /usr/share/icons /usr/share/icons/hicolor /usr/share/icons/hicolor/scalable
    /usr/share/icons/hicolor/scalable/apps /usr/share/doc)
foreach(size ${COFFER_HICOLOR_SIZES})
    list(APPEND coffer_shared_dirs /usr/share/icons/hicolor/${size}x${size} /usr/share/icons/hicolor/${size}x${size}/apps)
endforeach()
set(CPACK_RPM_EXCLUDE_FROM_AUTO_FILELIST_ADDITION ${coffer_shared_dirs})
