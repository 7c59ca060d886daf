import Foundation

/// The Python with Django (and the few packages Scripts/test.sh adds to `.venv-test`) that
/// oracle tests run Django's own functions with; `MIGPLAN_TEST_PYTHON` names another.
public enum DjangoPython {
  public static var path: String {
    let v = ProcessInfo.processInfo.environment["MIGPLAN_TEST_PYTHON"] ?? ""
    return v.isEmpty ? OracleProject.root + "/.venv-test/bin/python" : v
  }

  /// Whether the suites that need it run: always with `CI=true` (where a missing Python
  /// fails them), else when it exists.
  public static var enabled: Bool {
    ProcessInfo.processInfo.environment["CI"] == "true"
      || FileManager.default.isExecutableFile(atPath: path)
  }
}
