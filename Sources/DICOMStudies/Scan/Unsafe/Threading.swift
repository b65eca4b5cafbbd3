#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// POSIX threads, a mutex and condition variables: the scan's only synchronisation. pthread
// objects must not move once initialised, so each lives in its own allocation, owned by the
// class that wraps it and freed in its deinit.

/// A mutual-exclusion lock (`pthread_mutex_t`).
final class Lock: @unchecked Sendable {
    fileprivate let mutex: UnsafeMutablePointer<pthread_mutex_t>

    init() {
        mutex = .allocate(capacity: 1)
        mutex.initialize(to: pthread_mutex_t())
        pthread_mutex_init(mutex, nil)
    }

    deinit {
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
    }

    /// Runs `body` holding the lock.
    func withLock<R>(_ body: () throws -> R) rethrows -> R {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }
}

/// A condition variable (`pthread_cond_t`), always used with one `Lock`.
final class Condition: @unchecked Sendable {
    private let condition: UnsafeMutablePointer<pthread_cond_t>

    init() {
        condition = .allocate(capacity: 1)
        condition.initialize(to: pthread_cond_t())
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        condition.deallocate()
    }

    /// Releases `lock`, sleeps until signalled (or woken spuriously: callers re-check their
    /// predicate in a loop), and takes `lock` again. The caller must hold `lock`.
    func wait(_ lock: Lock) { pthread_cond_wait(condition, lock.mutex) }

    /// Wakes one waiter.
    func signal() { pthread_cond_signal(condition) }

    /// Wakes every waiter.
    func broadcast() { pthread_cond_broadcast(condition) }
}

/// A thread running one closure; `join()` waits for it to return.
final class WorkerThread {
    #if canImport(Glibc)
    private var thread = pthread_t()
    #else
    private var thread: pthread_t?
    #endif
    private var joined = false

    /// Starts `body` on a new thread; nil when the system refuses one (`EAGAIN`).
    init?(_ body: @escaping () -> Void) {
        final class Box { let body: () -> Void; init(_ body: @escaping () -> Void) { self.body = body } }
        // The box is retained for the thread, which releases it when it starts.
        let context = Unmanaged.passRetained(Box(body)).toOpaque()
        #if canImport(Glibc)
        let start: @convention(c) (UnsafeMutableRawPointer?) -> UnsafeMutableRawPointer? = { raw in
            guard let raw else { return nil }
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }
        #else
        let start: @convention(c) (UnsafeMutableRawPointer) -> UnsafeMutableRawPointer? = { raw in
            Unmanaged<Box>.fromOpaque(raw).takeRetainedValue().body()
            return nil
        }
        #endif
        guard pthread_create(&thread, nil, start, context) == 0 else {
            Unmanaged<Box>.fromOpaque(context).release()
            return nil
        }
    }

    /// Waits until the thread's closure has returned. Called once, by the thread that started it.
    func join() {
        guard !joined else { return }
        joined = true
        #if canImport(Glibc)
        pthread_join(thread, nil)
        #else
        if let thread { pthread_join(thread, nil) }
        #endif
    }

    /// Lets the thread run on alone: its resources are freed when it returns, and nobody waits
    /// for it. For a thread that may be blocked in a `read` of a pipe that never ends.
    func detach() {
        guard !joined else { return }
        joined = true
        #if canImport(Glibc)
        pthread_detach(thread)
        #else
        if let thread { pthread_detach(thread) }
        #endif
    }

    deinit { join() }
}

/// Number of processors online (`sysconf(_SC_NPROCESSORS_ONLN)`), at least 1.
func onlineProcessorCount() -> Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
