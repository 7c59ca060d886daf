import Foundation
import MigplanModel
import MigplanSyntax
import MigplanTestSupport
import Testing

/// The project state migplan replays against the one Django's loader replays from the same
/// files (`Fixtures/oracle/state.json`, written by `Scripts/oracle/state.py`).
@Suite struct StateTests {
  /// One model of the oracle state as facts `key: value`, in a stable order.
  static func facts(django model: [String: Any]) -> [String] {
    var out: [String] = []
    for pair in model["fields"] as! [[Any]] {
      let name = pair[0] as! String
      let f = pair[1] as! [String: Any]
      var line = "field \(name): \(f["internal_type"]!)"
      for k in ["null", "unique", "db_index", "primary_key"] { line += " \(k)=\(f[k]! as! Bool)" }
      if let n = f["max_length"] { line += " max_length=\(n)" }
      if let c = f["db_column"] { line += " db_column=\(c)" }
      if let to = f["to"] as? String { line += " to=\(to.lowercased())" }
      if let tf = f["to_field"] as? String { line += " to_field=\(tf)" }
      out.append(line)
    }
    if let t = model["db_table"] as? String { out.append("db_table \(t)") }
    if let m = model["managed"] as? Bool, !m { out.append("managed false") }
    if let p = model["proxy"] as? Bool, p { out.append("proxy true") }
    for key in ["unique_together", "index_together"] {
      if let groups = model[key] as? [[String]] {
        out.append("\(key) \(groups.map { $0.joined(separator: ",") }.joined(separator: " "))")
      }
    }
    out.append("indexes \((model["indexes"] as! [String]).joined(separator: " "))")
    out.append("constraints \((model["constraints"] as! [String]).joined(separator: " "))")
    return out
  }

  /// The same facts of a migplan model state.
  static func facts(_ m: ModelState) -> [String] {
    var out: [String] = []
    for (name, f) in m.fields {
      var line = "field \(name): \(f.internalType ?? "?\(f.path)")"
      line += " null=\(f.null) unique=\(f.unique) db_index=\(f.dbIndex)"
      line += " primary_key=\(f.primaryKey)"
      if let n = f.maxLength { line += " max_length=\(n)" }
      if let c = f.dbColumn { line += " db_column=\(c)" }
      if let to = f.relatedModel {
        line += " to=\(ModelKey(reference: to, app: m.app, selfName: m.name))"
      }
      if let tf = f.keywords["to_field"]?.stringValue { line += " to_field=\(tf)" }
      out.append(line)
    }
    if let t = m.string("db_table") { out.append("db_table \(t)") }
    if !m.managed { out.append("managed false") }
    if m.proxy { out.append("proxy true") }
    for (key, groups) in [
      ("unique_together", m.uniqueTogether), ("index_together", m.indexTogether),
    ]
    where !groups.isEmpty {
      let sorted = groups.map { $0.sorted() }.sorted { $0.lexicographicallyPrecedes($1) }
      out.append("\(key) \(sorted.map { $0.joined(separator: ",") }.joined(separator: " "))")
    }
    out.append("indexes \(m.indexes.map { $0.name ?? "?" }.joined(separator: " "))")
    out.append("constraints \(m.constraints.map { $0.name ?? "?" }.joined(separator: " "))")
    return out
  }

  @Test func finalStateEqualsDjangos() throws {
    let text = try #require(OracleProject.fixture("state.json"))
    try #require(!OracleProject.packageRoots().isEmpty, "run python3 Scripts/fetch-corpus.py")
    let json = try JSONSerialization.jsonObject(with: Data(text.utf8)) as! [String: Any]
    let django = json["models"] as! [String: [String: Any]]
    let project = OracleProject.load()
    let (state, problems) = project.replay()
    #expect(problems.isEmpty, "\(problems.prefix(5))")
    let ours = Dictionary(uniqueKeysWithValues: state.models.map { ($0.key.description, $0.value) })
    #expect(
      Set(ours.keys) == Set(django.keys), "\(Set(ours.keys).symmetricDifference(django.keys))")
    var equal = 0
    var report: [String] = []
    for key in django.keys.sorted() {
      guard let m = ours[key] else { continue }
      let want = Self.facts(django: django[key]!)
      let got = Self.facts(m)
      if want == got {
        equal += 1
      } else if report.count < 12 {
        let diff = zip(want, got).first { $0 != $1 } ?? (want.last ?? "", got.last ?? "")
        report.append("\(key):\n  django  \(diff.0)\n  migplan \(diff.1)")
      }
    }
    print("state: \(equal) of \(django.count) models equal to Django's")
    #expect(equal == django.count, "\(report.joined(separator: "\n"))")
  }
}
