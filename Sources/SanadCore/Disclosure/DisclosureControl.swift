import Foundation

/// What ``DisclosureControl/anonymise(_:quasi:k:)`` did to a table.
///
/// Cell counts cover the quasi-identifier cells of the rows that were kept: a cell is *generalised*
/// when it is written as a coarser value than it came in with (`2015-2017` for `2016`), and
/// *suppressed* when it had a value and is written as `-99`. Cells that were missing already, and
/// the cells of dropped rows, are not counted. Writing every spelling of a missing value as `-99`
/// is not counted either.
public struct AnonymisationReport: Sendable, Equatable {
    public let inputRows: Int
    public let outputRows: Int
    /// Rows left out because no generalisation or cell suppression could hide them among k others.
    public let suppressedRows: Int
    public let generalisedCells: Int
    public let suppressedCells: Int
    /// The generalisation level chosen for each quasi-identifier column, by name (`year`, `3-year`,
    /// `band`, `un-subregion`, `value`, `suppressed`, …; see ``DisclosureControl``).
    public let levels: [String: String]
    /// Rows that plain suppression would keep: those whose exact quasi-identifier combination (all
    /// missing spellings read as one) already occurs at least k times.
    public let baselineRows: Int
}

/// k-anonymity for CTDC-format tables by global recoding followed by local suppression.
///
/// 1. Each quasi-identifier column has a chain of generalisation levels, finest first:
///    - `yearOfRegistration`: `year` (`2016`), `3-year` (`2015-2017`), `6-year` (`2012-2017`), `suppressed`;
///    - `ageBroad`: `band` (CTDC's bands), `paired-band` (`18--23`, `24--29`), `broad-band` (`0--17`,
///      `18--29`, `30--47`, `48+`), `minor-adult` (`0--17`, `18+`), `suppressed`;
///    - `citizenship`, `CountryOfExploitation`: `country` (ISO alpha-2), `un-subregion`
///      (`Eastern Africa`), `un-region` (`Africa`), `suppressed`;
///    - any other column: `value`, `suppressed` (`suppressed` writes the whole column as `-99`).
///
///    `Unknown` stays `Unknown` below `suppressed`; see `GeneralisationHierarchy` for the details.
///    The engine searches the lattice of level vectors (one level per column; 1,280 vectors for
///    the default set) on the distinct combinations rather than on rows, each vector's counts
///    rolled up from a finer vector already counted.
/// 2. For each vector, the combinations still rarer than k are repaired by local suppression:
///    cells are blanked to `-99` one column at a time, then two, … then all (the columns with most
///    distinct values first), whenever that makes the blanked combination, together with
///    everything else that becomes it, occur at least k times. If what is left at the end has fewer
///    than k rows even fully blank, rows are borrowed from classes with more than k rows (the last
///    ones in file order are written fully blank) to make up k. Only when there is not enough to
///    borrow are rows dropped.
/// 3. The vector kept is the one that drops fewest rows, then loses least information — measured
///    as non-uniform entropy, the bits needed to recover each original cell from what is written,
///    summed over generalised and suppressed cells — then has the lowest levels. Vectors that
///    cannot beat the best so far are skipped (coarser than a vector that needed no suppression,
///    generalisation loss alone above the best total, or suppression abandoned once it costs more).
///    On tables whose combinations are almost all unique, a work budget ends the exhaustive visit
///    and the search climbs from the best vector found, one level in one column at a time.
///
/// Because the finest vector is always costed and its local suppression only adds rows to the
/// classes that already have k, the output keeps at least the rows plain suppression would
/// (``AnonymisationReport/baselineRows``).
///
/// The output has the input's columns in the input's order, every missing value (`-99`, an empty
/// cell, `Missing`) written `-99`, and the other cells of kept rows untouched. The kept rows stay
/// in input order. Every combination of the quasi-identifier columns occurs at least k times, with
/// `-99` counted as a value (so the all-missing combination too). The result depends only on the
/// input, never on timing or hashing seeds.
public enum DisclosureControl {
    /// Returns the anonymised table and what was done, or throws before any work if
    /// ``CTDCFormat/validate(_:quasi:k:)`` finds a problem (or, rarely, if the quasi-identifiers
    /// together have more distinct values than 64 bits can index).
    public static func anonymise(
        _ table: CTDCTable, quasi: [String] = CTDCFormat.defaultQuasi, k: Int
    ) throws(DisclosureError) -> (CTDCTable, AnonymisationReport) {
        try CTDCFormat.validate(table, quasi: quasi, k: k)
        let engine = try KAnonymityEngine(table: table, quasi: quasi, k: k)
        return engine.write(table: table, choice: engine.search())
    }
}
