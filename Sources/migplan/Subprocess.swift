#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A child process run to its end over the C library (`posix_spawnp`, pipes, `poll`): what
/// `--changed-since` needs of git and `debug bench` of CPython, without Foundation.
enum Subprocess {
  /// How a child ended and what it wrote.
  struct Output {
    var status: Int32
    var stdout: [UInt8]
    var stderr: [UInt8]
  }

  /// Runs `arguments[0]` (looked up on `PATH`) with `input` on its standard input; a failure
  /// with the reason when it cannot be started.
  static func run(_ arguments: [String], input: [UInt8] = []) -> Result<Output, SpawnError> {
    var pipes: [[Int32]] = []
    for _ in 0..<3 {
      var fds: [Int32] = [0, 0]
      guard pipe(&fds) == 0 else {
        let reason = String(cString: strerror(errno))
        for p in pipes { close(p[0]); close(p[1]) }
        return .failure(SpawnError(reason: reason))
      }
      pipes.append(fds)
    }
    // stdin reads pipes[0][0]; stdout and stderr write pipes[1][1] and pipes[2][1].
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, pipes[0][0], 0)
    posix_spawn_file_actions_adddup2(&actions, pipes[1][1], 1)
    posix_spawn_file_actions_adddup2(&actions, pipes[2][1], 2)
    for p in pipes {
      posix_spawn_file_actions_addclose(&actions, p[0])
      posix_spawn_file_actions_addclose(&actions, p[1])
    }
    var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) }
    argv.append(nil)
    defer { for a in argv { free(a) } }
    var pid: pid_t = 0
    let started = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
    close(pipes[0][0])
    close(pipes[1][1])
    close(pipes[2][1])
    guard started == 0 else {
      close(pipes[0][1])
      close(pipes[1][0])
      close(pipes[2][0])
      return .failure(SpawnError(reason: String(cString: strerror(started))))
    }
    // Feed stdin and drain stdout and stderr together, so that neither side waits on a full
    // pipe.
    var stdinFD: Int32 = pipes[0][1]
    var written = 0
    if input.isEmpty {
      close(stdinFD)
      stdinFD = -1
    } else {
      _ = fcntl(stdinFD, F_SETFL, fcntl(stdinFD, F_GETFL) | O_NONBLOCK)
    }
    // A child that exits without reading its input is an error here, not a SIGPIPE.
    let oldPipeHandler = input.isEmpty ? nil : signal(SIGPIPE, SIG_IGN)
    defer { if let oldPipeHandler { signal(SIGPIPE, oldPipeHandler) } }
    var out: [[UInt8]] = [[], []]
    var open: [Int32] = [pipes[1][0], pipes[2][0]]
    var buffer = [UInt8](repeating: 0, count: 65536)
    while open.contains(where: { $0 >= 0 }) || stdinFD >= 0 {
      var fds: [pollfd] = open.map { pollfd(fd: $0, events: Int16(POLLIN), revents: 0) }
      fds.append(pollfd(fd: stdinFD, events: Int16(POLLOUT), revents: 0))
      if poll(&fds, nfds_t(fds.count), -1) < 0 {
        if errno == EINTR { continue }
        break
      }
      for i in 0..<2 where open[i] >= 0 && fds[i].revents != 0 {
        let n = buffer.withUnsafeMutableBytes { read(open[i], $0.baseAddress, $0.count) }
        if n > 0 {
          out[i] += buffer[0..<n]
        } else if n == 0 || errno != EINTR {
          close(open[i])
          open[i] = -1
        }
      }
      if stdinFD >= 0 && fds[2].revents != 0 {
        let n = input[written...].withUnsafeBytes { write(stdinFD, $0.baseAddress, $0.count) }
        if n > 0 { written += n }
        if written == input.count || (n < 0 && errno != EINTR && errno != EAGAIN) {
          close(stdinFD)
          stdinFD = -1
        }
      }
    }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    // WIFEXITED / WEXITSTATUS; a signal is reported as 128 + its number, as shells do.
    let code = status & 0x7f == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
    return .success(Output(status: code, stdout: out[0], stderr: out[1]))
  }

  /// Why a child could not be started.
  struct SpawnError: Error, CustomStringConvertible {
    var reason: String
    var description: String { reason }
  }
}
