#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Where the project's Python packages are installed: the folders migplan looks in for the
/// apps its migrations depend on that the project roots do not hold (Django's `auth`, …).
public enum PythonEnvironment {
  /// The virtual environment folder names looked for beside the project.
  static let venvNames = [".venv", "venv", "env"]

  /// The `site-packages` (and Debian `dist-packages`) folders to look in, most specific
  /// first, each once: those of a virtual environment (a `.venv`, `venv` or `env` folder
  /// holding `pyvenv.cfg`) in a root or a folder above it, or in the current folder or above
  /// it; of `$VIRTUAL_ENV`; of the first `python3` on `$PATH` (through a pyenv shim, of the
  /// version pyenv picks); the user's (`~/.local/lib/python3.X/site-packages`). `variable`
  /// reads the environment.
  public static func sitePackages(
    near roots: [String], variable: (String) -> String? = PythonEnvironment.variable
  ) -> [String] {
    var folders: [String] = []
    var seen: Set<String> = []
    func add(_ found: [String]) {
      for f in found {
        let real = FileSystem.realPath(f) ?? f
        if seen.insert(real).inserted { folders.append(f) }
      }
    }
    for start in roots + ["."] {
      var dir = FileSystem.realPath(start)
      while let d = dir {
        for name in venvNames where FileSystem.isFile(d + "/" + name + "/pyvenv.cfg") {
          add(packages(prefix: d + "/" + name))
        }
        dir = parent(d)
      }
    }
    if let venv = variable("VIRTUAL_ENV"), !venv.isEmpty { add(packages(prefix: venv)) }
    if let python = onPath("python3", variable("PATH")) {
      if let version = pyenvVersion(shim: python, variable) { add(packages(prefix: version)) }
      // A virtual environment's `bin/python3` links to the interpreter it was made from: its
      // own prefix first.
      if let bin = parent(python), let prefix = parent(bin) {
        if FileSystem.isFile(prefix + "/pyvenv.cfg") { add(packages(prefix: prefix)) }
      }
      if let real = FileSystem.realPath(python), let bin = parent(real), let prefix = parent(bin) {
        add(packages(prefix: prefix))
        add(packages(prefix: prefix + "/local"))
      }
    }
    if let home = variable("HOME"), !home.isEmpty { add(packages(prefix: home + "/.local")) }
    return folders
  }

  /// The package folders of the installation at `prefix`: `lib/python3.X/site-packages`,
  /// `lib/python3.X/dist-packages` and `lib/python3/dist-packages`, the ones that exist.
  static func packages(prefix: String) -> [String] {
    var out: [String] = []
    let lib = prefix + "/lib"
    let versions = FileSystem.list(lib).filter { $0.isDirectory && $0.name.hasPrefix("python3") }
    // The newest first (`python3.12` before `python3.9`), `python3` (Debian's) last.
    func minor(_ name: String) -> Int { Int(name.dropFirst("python3.".count)) ?? -1 }
    for v in versions.map(\.name).sorted(by: { minor($0) > minor($1) }) {
      for kind in ["site-packages", "dist-packages"]
      where FileSystem.isDirectory(lib + "/" + v + "/" + kind) {
        out.append(lib + "/" + v + "/" + kind)
      }
    }
    return out
  }

  /// The installation a pyenv shim (`…/shims/python3`) runs: `$PYENV_VERSION`, else the first
  /// `.python-version` in the current folder or above, else the global `version` file, under
  /// `$PYENV_ROOT/versions` (nil for `system` or anything else).
  static func pyenvVersion(shim: String, _ variable: (String) -> String?) -> String? {
    guard let bin = parent(shim), bin.hasSuffix("/shims"), let root = parent(bin) else {
      return nil
    }
    func firstLine(_ file: String) -> String? {
      guard case .success(let bytes) = FileSystem.read(file) else { return nil }
      let line = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).first
      return line.map { String($0.filter { $0 != " " && $0 != "\t" }) }
    }
    var name = variable("PYENV_VERSION").flatMap { $0.split(separator: ":").first.map(String.init) }
    var dir = FileSystem.realPath(".")
    while name == nil, let d = dir {
      name = firstLine(d + "/.python-version")
      dir = parent(d)
    }
    name = name ?? firstLine(root + "/version")
    guard let name, !name.isEmpty, name != "system", !name.contains("/") else { return nil }
    return root + "/versions/" + name
  }

  /// The first executable `name` in a folder of `path` (`$PATH`'s form).
  static func onPath(_ name: String, _ path: String?) -> String? {
    guard let path else { return nil }
    for dir in path.split(separator: ":") where !dir.isEmpty {
      let candidate = dir + "/" + name
      if access(candidate, X_OK) == 0, FileSystem.isFile(candidate) { return candidate }
    }
    return nil
  }

  /// The process environment's value of `name`.
  public static func variable(_ name: String) -> String? {
    getenv(name).map { String(cString: $0) }
  }

  /// The folder that holds `path`; nil for `/`.
  static func parent(_ path: String) -> String? {
    guard path != "/", let slash = path.lastIndex(of: "/") else { return nil }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }
}
