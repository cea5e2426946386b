; Per-user installer for QunHuo (群活): no admin rights, installs into
; %LOCALAPPDATA%\Programs\QunHuo with Start-menu and desktop shortcuts named 群活.
; The uninstaller removes the program and shortcuts but never the data folder
; (%APPDATA%\fyne\cn.qunhuo.desktop). Built by scripts/package-windows with
;   makensis -INPUTCHARSET UTF8 -DVERSION=x.y.z -DSTAGE=dir -DICON=file.ico -DOUTFILE=file installer.nsi
Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel user

!define APPNAME "群活"
!define EXE "QunHuo.exe"
!define UNINSTKEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\QunHuo"

Name "${APPNAME}"
Caption "${APPNAME} ${VERSION} 安装"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\QunHuo"
InstallDirRegKey HKCU "Software\QunHuo" "InstallDir"
Icon "${ICON}"
UninstallIcon "${ICON}"
BrandingText "群活 ${VERSION}"
ShowInstDetails nevershow
ShowUninstDetails nevershow

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APPNAME}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APPNAME} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "QunHuo"

!include "MUI2.nsh"
!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "现在打开群活"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "将从这台电脑上卸载群活程序和它的快捷方式。$\r$\n$\r$\n你的数据（资源、成员、备份）不会被删除，仍保存在：$\r$\n$APPDATA\fyne\cn.qunhuo.desktop$\r$\n以后重新安装群活，数据都还在。"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

Section "Install"
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  File "${STAGE}/${EXE}"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "$INSTDIR\${EXE}"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "Software\QunHuo" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayName" "${APPNAME}"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTKEY}" "Publisher" "QunHuo"
  WriteRegStr HKCU "${UNINSTKEY}" "DisplayIcon" "$INSTDIR\${EXE}"
  WriteRegStr HKCU "${UNINSTKEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTKEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTKEY}" "NoRepair" 1
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$INSTDIR\${EXE}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTKEY}"
  DeleteRegKey HKCU "Software\QunHuo"
  ; The data folder is left alone on purpose: the owner's records outlive the program.
  IfSilent +2
  MessageBox MB_OK|MB_ICONINFORMATION "群活已卸载。$\r$\n$\r$\n你的数据没有删除，仍在：$\r$\n$APPDATA\fyne\cn.qunhuo.desktop$\r$\n重新安装群活后会自动用上这些数据。"
SectionEnd
