import DICOMStudies
import Foundation
import XCTest

/// `parallelMap` keeps the order of its input; `ByteBudget` never lets more than its capacity out.
final class ParallelMapTests: XCTestCase {
    func testResultsComeInInputOrderWhateverTheJobs() {
        let items = Array(0..<500)
        for jobs in [1, 2, 7, 64] {
            XCTAssertEqual(parallelMap(items, jobs: jobs) { $0 * $0 }, items.map { $0 * $0 }, "jobs \(jobs)")
        }
        XCTAssertEqual(parallelMap([Int](), jobs: 4) { $0 }, [])
    }

    func testBudgetHoldsAtMostItsCapacityAndLetsAnOversizedNeedRunAlone() {
        let budget = ByteBudget(capacity: 100)
        XCTAssertEqual(budget.take(1_000), 100, "a need above the capacity takes all of it")
        budget.give(100)
        let held = Counter()
        let sizes = (0..<200).map { [30, 60, 100, 250][$0 % 4] }
        _ = parallelMap(sizes, jobs: 8) { size -> Int in
            let taken = budget.take(size)
            held.add(taken)
            usleep(200)
            held.add(-taken)
            budget.give(taken)
            return taken
        }
        XCTAssertLessThanOrEqual(held.peak, 100)
        XCTAssertEqual(budget.take(100), 100, "everything was given back")
    }
}

/// A thread-safe running total and its peak.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    private(set) var peak = 0

    func add(_ amount: Int) {
        lock.lock()
        value += amount
        peak = max(peak, value)
        lock.unlock()
    }
}
