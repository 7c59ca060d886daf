import ArgumentParser
import MigplanModel
import MigplanPlanner
import MigplanRules

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `migplan split APP MIGRATION [--write]`: a risky migration rewritten as a chain of safe ones.
struct SplitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "split",
    abstract: "Rewrite a risky migration as a chain of safe ones.",
    discussion: """
      Without --write, prints the change as a unified diff (new files, the original removed, \
      later migrations' dependencies moved to the chain's last migration) and the notes on \
      stderr. With --write, writes it: every file goes to a temporary file first and is moved \
      into place only when all are written; an existing file is never overwritten (exit 2). \
      Exit status 0 also when there is nothing to split.
      """)

  @Argument(help: "The app label.")
  var app: String

  @Argument(help: "The migration name (a unique prefix is enough).")
  var migration: String

  @Option(
    name: .customLong("root"),
    help: "A project root (repeatable; default: `roots` from the config, else the current folder).")
  var roots: [String] = []

  @Option(name: .customLong("pg-version"), help: "PostgreSQL major version (default: 14).")
  var pgVersion: Int?

  @Option(
    help:
      "Configuration file (default: found by walking up from the first root, else the current folder)."
  )
  var config: String?

  @Flag(help: "Write the files instead of printing the diff.")
  var write = false

  func run() throws {
    let settings = try ProjectOptions.config(config, from: roots)
    let roots = ProjectOptions.roots(roots, settings)
    let project = Loader.load(roots: roots, config: settings)
    try InputError.exitOnDiagnostics(project.diagnostics)
    let m = try InputError.migration(project, app: app, name: migration)
    let result: SplitResult
    do {
      result = try Splitter(
        project: project, pgVersion: pgVersion ?? settings.pgVersion
      ).split(m.key)
    } catch {
      InputError.printLocated(
        path: m.path, range: error.range, severity: "error", "cannot split: \(error.message)")
      throw ExitCode(2)
    }
    for n in result.notes { InputError.printError("note: \(n)") }
    // What a step needs outside the migrations (models.py pinning a kept column or table name).
    for f in result.files {
      for n in f.notes { InputError.printError("note: \(f.key.name): \(n)") }
    }
    guard !result.files.isEmpty else {
      InputError.printError("\(m.key): nothing to split: no operation has an automatic recipe")
      return
    }
    if !write {
      var out = ""
      for f in result.files { out += Diff.added(f.path, f.text) }
      out += Diff.removed(result.path, Self.read(result.path))
      for e in result.edits { out += Diff.changed(e.path, e.before, e.after) }
      InputError.writeOut(out)
      return
    }
    try Self.apply(result)
    for f in result.files { print("wrote \(f.path)") }
    for e in result.edits { print("updated \(e.path) (depends on \(result.files.last!.key.name))") }
    print("removed \(result.path)")
  }

  static func read(_ path: String) -> String {
    guard case .success(let bytes) = FileSystem.read(path) else { return "" }
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Writes the chain all or nothing: temporary files first, then links that refuse to replace
  /// an existing file, then the edited dependents renamed over theirs, then the original goes.
  static func apply(_ result: SplitResult) throws {
    for f in result.files where access(f.path, F_OK) == 0 {
      InputError.printError("\(f.path): error: exists already; not overwritten")
      throw ExitCode(2)
    }
    var temps: [(temp: String, final: String, new: Bool)] = []
    func cleanup() { for t in temps { unlink(t.temp) } }
    do {
      for f in result.files { temps.append((try writeTemp(f.path, f.text), f.path, true)) }
      for e in result.edits { temps.append((try writeTemp(e.path, e.after), e.path, false)) }
    } catch let e as WriteError {
      cleanup()
      InputError.printError("\(e.path): error: cannot write: \(e.reason)")
      throw ExitCode(2)
    }
    var linked: [String] = []
    for t in temps where t.new {
      if link(t.temp, t.final) != 0 {
        let reason = String(cString: strerror(errno))
        for l in linked { unlink(l) }
        cleanup()
        InputError.printError("\(t.final): error: cannot create: \(reason); nothing written")
        throw ExitCode(2)
      }
      linked.append(t.final)
      unlink(t.temp)
    }
    for t in temps where !t.new {
      if rename(t.temp, t.final) != 0 {
        InputError.printError(
          "\(t.final): error: cannot replace: \(String(cString: strerror(errno)))")
        cleanup()
        throw ExitCode(2)
      }
    }
    if unlink(result.path) != 0 {
      InputError.printError(
        "\(result.path): error: cannot remove the original: \(String(cString: strerror(errno)))")
      throw ExitCode(2)
    }
  }

  struct WriteError: Error {
    var path: String
    var reason: String
  }

  /// Writes `text` to a new temporary file beside `path` and returns its name.
  static func writeTemp(_ path: String, _ text: String) throws -> String {
    let slash = path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex
    let temp = String(path[..<slash]) + ".\(path[slash...]).migplan-\(getpid()).tmp"
    let fd = open(temp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
    defer { close(fd) }
    let bytes = Array(text.utf8)
    var at = 0
    while at < bytes.count {
      let n = bytes[at...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
      if n <= 0 {
        let reason = String(cString: strerror(errno))
        unlink(temp)
        throw WriteError(path: path, reason: reason)
      }
      at += n
    }
    if fsync(fd) != 0 {
      let reason = String(cString: strerror(errno))
      unlink(temp)
      throw WriteError(path: path, reason: reason)
    }
    return temp
  }
}

/// Unified diffs of whole-file additions, removals and in-line edits.
enum Diff {
  static func lines(_ text: String) -> [Substring] {
    var ls = text.split(separator: "\n", omittingEmptySubsequences: false)
    if ls.last == "" { ls.removeLast() }
    return ls
  }

  static func clean(_ path: String) -> String {
    path.hasPrefix("./") ? String(path.dropFirst(2)) : path
  }

  static func added(_ path: String, _ text: String) -> String {
    let ls = lines(text)
    var out = "--- /dev/null\n+++ b/\(clean(path))\n@@ -0,0 +1,\(ls.count) @@\n"
    for l in ls { out += "+" + l + "\n" }
    return out
  }

  static func removed(_ path: String, _ text: String) -> String {
    let ls = lines(text)
    var out = "--- a/\(clean(path))\n+++ /dev/null\n@@ -1,\(ls.count) +0,0 @@\n"
    for l in ls { out += "-" + l + "\n" }
    return out
  }

  /// Hunks with three lines of context, for edits that keep the number of lines.
  static func changed(_ path: String, _ before: String, _ after: String) -> String {
    let a = lines(before)
    let b = lines(after)
    var out = "--- a/\(clean(path))\n+++ b/\(clean(path))\n"
    guard a.count == b.count else {
      out += "@@ -1,\(a.count) +1,\(b.count) @@\n"
      for l in a { out += "-" + l + "\n" }
      for l in b { out += "+" + l + "\n" }
      return out
    }
    let changedLines = a.indices.filter { a[$0] != b[$0] }
    var i = 0
    while i < changedLines.count {
      var j = i
      while j + 1 < changedLines.count, changedLines[j + 1] - changedLines[j] <= 6 { j += 1 }
      let start = max(0, changedLines[i] - 3)
      let end = min(a.count, changedLines[j] + 4)
      out += "@@ -\(start + 1),\(end - start) +\(start + 1),\(end - start) @@\n"
      for k in start..<end {
        if a[k] == b[k] {
          out += " " + a[k] + "\n"
        } else {
          out += "-" + a[k] + "\n"
        }
        if a[k] != b[k] { out += "+" + b[k] + "\n" }
      }
      i = j + 1
    }
    return out
  }
}
