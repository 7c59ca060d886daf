import Foundation
import MigplanTestSupport
import Testing

/// One `Rules/<id>.md` read for testing: its headings and the fenced code blocks of each
/// section, with the Markdown line each block starts on.
struct RuleDoc: Sendable, CustomTestStringConvertible {
  /// A fenced code block.
  struct Block: Sendable {
    /// The info string after the fence, e.g. `python shop/migrations/0001_initial.py`.
    var info: String
    var code: String
    /// The 1-based Markdown line of the block's first code line.
    var firstLine: Int
    /// The `##` section it is in.
    var section: String
  }

  var id: String
  var path: String
  var text: String
  var headings: [String]
  var blocks: [Block]

  var testDescription: String { "Rules/\(id).md" }

  /// The Python blocks of a section.
  func python(_ section: String) -> [Block] {
    blocks.filter { $0.section == section && $0.info.split(separator: " ").first == "python" }
  }

  static var folder: String { PackageRoot.path() + "/Rules" }

  /// Every rule document (README.md excluded), sorted by id.
  static var all: [RuleDoc] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted().map {
      read(folder + "/" + $0)
    }
  }

  static func read(_ path: String) -> RuleDoc {
    let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    let id = String((path.split(separator: "/").last ?? "").dropLast(3))
    var headings: [String] = []
    var blocks: [Block] = []
    var section = ""
    var fence: (info: String, start: Int, lines: [String])? = nil
    for (i, line) in text.components(separatedBy: "\n").enumerated() {
      if var open = fence {
        if line.hasPrefix("```") {
          blocks.append(
            Block(
              info: open.info, code: open.lines.joined(separator: "\n") + "\n",
              firstLine: open.start, section: section))
          fence = nil
        } else {
          open.lines.append(line)
          fence = open
        }
        continue
      }
      if line.hasPrefix("```") {
        fence = (String(line.dropFirst(3)).trimmingCharacters(in: .whitespaces), i + 2, [])
      } else if line.hasPrefix("## ") {
        section = String(line.dropFirst(3))
        headings.append(section)
      } else if line.hasPrefix("# ") && headings.isEmpty {
        headings.append(line)
      }
    }
    return RuleDoc(id: id, path: path, text: text, headings: headings, blocks: blocks)
  }
}
