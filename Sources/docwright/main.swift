import DocwrightCore
print("docwright \(DocwrightVersion.string)")
