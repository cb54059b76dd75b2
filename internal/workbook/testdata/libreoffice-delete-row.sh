#!/usr/bin/env bash
# Deletes one row of a sheet in LibreOffice Calc, as an evaluator does
# (right-click the row number → Ta bort rader), and saves the workbook as
# xlsx again. Calc then writes an empty row 1048576 and the dimension
# A1:F1048576 into the sheet, which is what these fixtures are for.
#
#   libreoffice-delete-row.sh IN.xlsx OUT.xlsx SHEET ROW
#   libreoffice-delete-row.sh        # remakes the committed fixtures beside this script
#
# ROW is the row's number as Calc shows it. Calc runs headless with a
# profile of its own, which holds the macro below; soffice is taken from
# $SOFFICE or the PATH. The fixtures were made with LibreOffice 7.4.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

if [ $# -eq 0 ]; then
  src="$here/../../../evaluations/umea-2007.xlsx"
  "$0" "$src" "$here/libreoffice-deleted-row-poang.xlsx" "Poäng" 10 # the row of delfråga 2.4
  "$0" "$src" "$here/libreoffice-deleted-row-notes.xlsx" "Styrkor och förbättringsområden" 50 # a förbättringsområde of area 5
  exit 0
fi
[ $# -eq 4 ] || { echo "usage: $0 IN.xlsx OUT.xlsx SHEET ROW" >&2; exit 2; }
in=$(realpath "$1")
out=$(realpath -m "$2")
sheet=$3
row=$4
soffice=${SOFFICE:-soffice}

profile=$(mktemp -d)
trap 'rm -rf "$profile"' EXIT
basic="$profile/user/basic"
mkdir -p "$basic/Standard"
# A profile that has been set up already: LibreOffice keeps the Basic
# library in it instead of replacing it with its presets.
cat >"$profile/user/registrymodifications.xcu" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Common/Misc"><prop oor:name="FirstRun" oor:op="fuse"><value>false</value></prop></item>
<item oor:path="/org.openoffice.Setup/Office"><prop oor:name="ooSetupInstCompleted" oor:op="fuse"><value>true</value></prop></item>
</oor:items>
EOF
for kind in script dialog; do
  cat >"$basic/$kind.xlc" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:libraries PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "libraries.dtd">
<library:libraries xmlns:library="http://openoffice.org/2000/library" xmlns:xlink="http://www.w3.org/1999/xlink">
 <library:library library:name="Standard" library:link="false"/>
</library:libraries>
EOF
done
cat >"$basic/Standard/dialog.xlb" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false"/>
EOF
cat >"$basic/Standard/script.xlb" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Kompass"/>
</library:library>
EOF
# The sheets of a kompass workbook are protected without a password: the
# macro lifts the protection, deletes the row and protects the sheet again.
cat >"$basic/Standard/Kompass.xba" <<'EOF'
<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Kompass" script:language="StarBasic">
Sub DeleteRow(inURL As String, outURL As String, sheetName As String, rowNumber As Long)
	Dim load(0) As New com.sun.star.beans.PropertyValue
	load(0).Name = &quot;Hidden&quot;
	load(0).Value = True
	doc = StarDesktop.loadComponentFromURL(inURL, &quot;_blank&quot;, 0, load())
	sheet = doc.Sheets.getByName(sheetName)
	sheet.unprotect(&quot;&quot;)
	sheet.Rows.removeByIndex(rowNumber - 1, 1)
	sheet.protect(&quot;&quot;)
	Dim store(0) As New com.sun.star.beans.PropertyValue
	store(0).Name = &quot;FilterName&quot;
	store(0).Value = &quot;Calc MS Excel 2007 XML&quot;
	doc.storeToURL(outURL, store())
	doc.close(True)
End Sub
</script:module>
EOF

url() { python3 -c 'import pathlib, sys; print(pathlib.Path(sys.argv[1]).as_uri())' "$1"; }
rm -f "$out"
HOME="$profile" "$soffice" "-env:UserInstallation=$(url "$profile")" --headless --norestore \
  "macro:///Standard.Kompass.DeleteRow(\"$(url "$in")\",\"$(url "$out")\",\"$sheet\",$row)"
[ -s "$out" ] || { echo "$0: LibreOffice wrote no $out" >&2; exit 1; }
