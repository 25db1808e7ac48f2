#!/usr/bin/env python3
"""Check Info.plist as macOS reads it (plistlib parses it the way plutil
-lint does): the keys a bundle needs, the document type and the exported
UTI for .detente, and that the bundle id matches the app id. Also checks a
built bundle's layout when given its path: check-plist.py [Detente.app]."""
import os
import plistlib
import sys

here = os.path.dirname(os.path.abspath(__file__))


def check(info, version=None):
    need = ["CFBundleIdentifier", "CFBundleExecutable", "CFBundleIconFile", "CFBundleName",
            "CFBundlePackageType", "CFBundleShortVersionString", "CFBundleVersion",
            "CFBundleDocumentTypes", "UTExportedTypeDeclarations"]
    missing = [k for k in need if k not in info]
    assert not missing, f"missing keys: {missing}"
    assert info["CFBundleIdentifier"] == "org.detente.Detente", info["CFBundleIdentifier"]
    assert info["CFBundlePackageType"] == "APPL"
    if version:
        assert info["CFBundleShortVersionString"] == version, info["CFBundleShortVersionString"]
    uti = info["UTExportedTypeDeclarations"][0]
    ext = uti["UTTypeTagSpecification"]["public.filename-extension"]
    assert ext == ["detente"], ext
    doc = info["CFBundleDocumentTypes"][0]
    assert uti["UTTypeIdentifier"] in doc["LSItemContentTypes"], "document type names the UTI"
    assert doc["CFBundleTypeRole"] == "Editor"


with open(os.path.join(here, "Info.plist"), "rb") as f:
    check(plistlib.load(f))
print("check-plist: packaging/macos/Info.plist ok")

if len(sys.argv) > 1:
    app = sys.argv[1]
    with open(os.path.join(app, "Contents", "Info.plist"), "rb") as f:
        info = plistlib.load(f)
    check(info)
    assert "@VERSION@" not in info["CFBundleVersion"], "version not filled in"
    exe = os.path.join(app, "Contents", "MacOS", info["CFBundleExecutable"])
    assert os.access(exe, os.X_OK), f"{exe} is not executable"
    icon = os.path.join(app, "Contents", "Resources", info["CFBundleIconFile"])
    assert open(icon, "rb").read(4) == b"icns", f"{icon} is not an .icns"
    print(f"check-plist: {app} layout ok")
