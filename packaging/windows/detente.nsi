; Detente installer for Windows (NSIS 3). Per-user: no administrator rights,
; installed under %LOCALAPPDATA%\Programs\Detente, a Start-menu entry, the
; .detente file association with its icon, and an uninstaller (Settings >
; Apps) that removes all of it. Built by packaging/windows/build.sh:
;   makensis -DVERSION=0.1.0 -DEXE=path\to\detente.exe -DOUTFILE=out.exe detente.nsi
Unicode true
!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef EXE
  !error "pass -DEXE=path/to/detente.exe"
!endif
!ifndef OUTFILE
  !define OUTFILE "detente-${VERSION}-setup.exe"
!endif
!define APPID "org.detente.Detente"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define PROGID "Detente.Workspace"

Name "Detente"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\Detente"
InstallDirRegKey HKCU "Software\${APPID}" "InstallDir"
!ifdef FAST
  ; A debug build for the Wine check: quick to pack, not shipped.
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif
Icon "detente.ico"
UninstallIcon "detente.ico"
VIProductVersion "${VERSION}.0"
VIAddVersionKey "ProductName" "Detente"
VIAddVersionKey "FileDescription" "Detente installer"
VIAddVersionKey "FileVersion" "${VERSION}"
VIAddVersionKey "ProductVersion" "${VERSION}"
VIAddVersionKey "LegalCopyright" "MIT OR Apache-2.0"

!include "MUI2.nsh"
!define MUI_ICON "detente.ico"
!define MUI_UNICON "detente.ico"
!define MUI_FINISHPAGE_RUN "$INSTDIR\detente.exe"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "English"

Section "Detente"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "/oname=detente.exe" "${EXE}"
  File "detente.ico"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Detente.lnk" "$INSTDIR\detente.exe" "" "$INSTDIR\detente.exe" 0 \
    SW_SHOWNORMAL "" "Tag diplomatic events in news articles"
  WriteRegStr HKCU "Software\${APPID}" "InstallDir" "$INSTDIR"
  ; Double-clicking a workspace opens it in Detente, shown with its icon.
  WriteRegStr HKCU "Software\Classes\.detente" "" "${PROGID}"
  WriteRegStr HKCU "Software\Classes\.detente" "Content Type" "application/x-detente-workspace"
  WriteRegStr HKCU "Software\Classes\${PROGID}" "" "Detente workspace"
  WriteRegStr HKCU "Software\Classes\${PROGID}\DefaultIcon" "" "$INSTDIR\detente.ico,0"
  WriteRegStr HKCU "Software\Classes\${PROGID}\shell\open\command" "" '"$INSTDIR\detente.exe" "%1"'
  ; Settings > Apps lists it, with its uninstaller.
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "Detente"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "Detente developers"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\detente.exe,0"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTKEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
  ; Tell Explorer the associations changed.
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\Detente.lnk"
  Delete "$INSTDIR\detente.exe"
  Delete "$INSTDIR\detente.ico"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  ; Only the association if it is still ours.
  ReadRegStr $0 HKCU "Software\Classes\.detente" ""
  StrCmp $0 "${PROGID}" 0 +2
    DeleteRegKey HKCU "Software\Classes\.detente"
  DeleteRegKey HKCU "Software\Classes\${PROGID}"
  DeleteRegKey HKCU "Software\${APPID}"
  DeleteRegKey HKCU "${UNINSTKEY}"
  System::Call 'shell32::SHChangeNotify(i 0x08000000, i 0, p 0, p 0)'
  ; Workspaces, preferences and recovery files in %APPDATA%\${APPID} are
  ; the user's: they stay.
SectionEnd
