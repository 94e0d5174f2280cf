# The macOS disk image (cpack -G DragNDrop): Coffer.app, made self-contained by macdeployqt during
# the install step (app/CMakeLists.txt), beside a link to /Applications to drag it onto.
set(CPACK_DMG_VOLUME_NAME "Coffer ${PROJECT_VERSION}")
set(CPACK_DMG_FORMAT "UDZO")
set(CPACK_DMG_SLA_USE_RESOURCE_FILE_LICENSE OFF)
