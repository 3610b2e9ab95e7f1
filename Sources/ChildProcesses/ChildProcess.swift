#if canImport(Glibc)
import Glibc
#endif

/// What programs that spawn children with `posix_spawn` share: the benchmark that times the
/// stepper on a pseudo-terminal, and the tests that drive tmux.
public enum ChildProcess {
    /// Spawn attributes that give the child an empty signal mask and the default handlers for
    /// `signals`, whatever this process blocks or handles: the programs under test must receive
    /// SIGWINCH, SIGHUP and SIGTERM even though a test runner blocks them in its own threads.
    /// (glibc's attributes hold no pointers, so they may be returned by value.)
    public static func attributesWithDefaultSignals(_ signals: [Int32]) -> posix_spawnattr_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        var empty = sigset_t()
        sigemptyset(&empty)
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signal in signals { sigaddset(&defaults, signal) }
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        return attributes
    }

    /// A `waitpid` status as shells report it: the exit code, or 128 plus the signal's number
    /// when the child was killed.
    public static func exitStatus(fromWaitStatus status: Int32) -> Int32 {
        status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
