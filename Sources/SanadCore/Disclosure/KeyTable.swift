/// A hash table from combination keys to positive counts (or to indexes stored as count − 1),
/// with open addressing.
///
/// The engine counts millions of keys; `Dictionary` hashes each with a per-process random seed,
/// which is both slower and makes iteration order differ from run to run. This table's iteration
/// order depends only on what was inserted and in which order, so everything built from it is
/// reproducible.
struct KeyTable {
    private(set) var keys: [UInt64]
    /// 0 marks an empty slot.
    private(set) var values: [Int]
    private(set) var count = 0
    private var mask: Int
    private var shift: UInt64

    init(capacity: Int = 16) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = [UInt64](repeating: 0, count: size)
        values = [Int](repeating: 0, count: size)
        mask = size - 1
        shift = UInt64(64 - size.trailingZeroBitCount)
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        var index = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while values[index] != 0 && keys[index] != key { index = (index + 1) & mask }
        return index
    }

    /// The value stored for `key`, or 0.
    subscript(key: UInt64) -> Int {
        values[slot(for: key)]
    }

    /// Adds `amount` (positive) to the value of `key`, inserting it if new.
    mutating func add(_ amount: Int, to key: UInt64) {
        var index = slot(for: key)
        if values[index] == 0 {
            if (count + 1) * 2 > keys.count {
                grow()
                index = slot(for: key)
            }
            keys[index] = key
            count += 1
        }
        values[index] += amount
    }

    /// The value of `key`, inserting `make()` (positive) first if the key is new.
    mutating func value(for key: UInt64, inserting make: () -> Int) -> Int {
        var index = slot(for: key)
        if values[index] == 0 {
            if (count + 1) * 2 > keys.count {
                grow()
                index = slot(for: key)
            }
            keys[index] = key
            values[index] = make()
            count += 1
        }
        return values[index]
    }

    /// Calls `body` for every key and its value, in slot order.
    func forEach(_ body: (UInt64, Int) -> Void) {
        for index in values.indices where values[index] != 0 { body(keys[index], values[index]) }
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        self = KeyTable(capacity: keys.count)
        for index in oldValues.indices where oldValues[index] != 0 { add(oldValues[index], to: oldKeys[index]) }
    }
}
