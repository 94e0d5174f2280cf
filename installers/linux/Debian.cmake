# The .deb. Its Depends are Debian's runtime packages of what Coffer links (Qt 6, QtKeychain,
# spdlog, SQLite, OpenSSL), found by dpkg-shlibdeps from the built programs with the versions they
# need, plus what Qt loads at run time rather than links: the SQLite driver and the platform
# plugins. A Secret Service keychain is recommended: without one Coffer can import files and run
# the demo bank but cannot keep a bank's credentials.
set(CPACK_DEBIAN_PACKAGE_SECTION "misc")
set(CPACK_DEBIAN_PACKAGE_PRIORITY "optional")
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6sql6-sqlite, qt6-qpa-plugins")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "gnome-keyring | kwalletmanager | keepassxc")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
