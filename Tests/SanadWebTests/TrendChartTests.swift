import Plot
import Testing

@testable import SanadWeb

private func months(_ count: Int) -> [String] {
    (0..<count).map { i in
        let year = 2024 + i / 12
        let month = i % 12 + 1
        return "\(year)-" + (month < 10 ? "0\(month)" : "\(month)")
    }
}

private func chart(
    periods: Int, series: Int = 3, rightToLeft: Bool = false,
    names: [String] = ["Applications", "Approved", "Rejected"]
) -> TrendChart {
    let list = (0..<series).map { s in
        TrendChart.Series(
            name: s < names.count ? names[s] : "Series \(s)", values: (0..<periods).map { ($0 * 37 + s * 101) % 250 })
    }
    return TrendChart(
        title: "Monthly cases", periods: months(periods), series: list, rightToLeft: rightToLeft, emptyText: "No data")
}

/// The x coordinates of the data points (`<path d="Mx yh0">`), in order.
private func pointXs(in markup: String) -> [Double] {
    markup.matches(of: /<path d="M([0-9.]+) [0-9.]+h0"><title>/).compactMap { Double($0.output.1) }
}

private func occurrences(of needle: String, in markup: String) -> Int {
    markup.ranges(of: needle).count
}

@Test func svgIsAccessibleAndScales() {
    let markup = chart(periods: 6).render().render()
    #expect(markup.hasPrefix("<svg "))
    #expect(markup.contains(" role=\"img\""))
    #expect(markup.contains(" aria-label=\"Monthly cases\""))
    #expect(markup.contains("<title>Monthly cases</title>"))
    #expect(markup.contains(" viewBox=\"0 0 640 260\""))
    #expect(markup.contains(" width=\"100%\""))
    #expect(!markup.contains(" height="))
}

@Test func onePointPerPeriodAndSeriesEachWithTooltip() {
    let markup = chart(periods: 7, series: 3).render().render()
    #expect(pointXs(in: markup).count == 21)
    #expect(occurrences(of: "<polyline ", in: markup) == 3)
    // 21 point tooltips plus the chart's own title.
    #expect(occurrences(of: "<title>", in: markup) == 22)
    #expect(markup.contains("<title>Approved · 2024-03: 175</title>"))
}

@Test func hostileNamesAreEscaped() {
    let hostile = "<script>&\""
    let c = TrendChart(
        title: hostile, periods: [hostile, "2026-02"], series: [.init(name: hostile, values: [1, 2])],
        emptyText: hostile)
    let markup = c.render().render()
    #expect(!markup.contains("<script"))
    #expect(markup.contains("aria-label=\"&lt;script&gt;&amp;&quot;\""))
    #expect(markup.contains("<title>&lt;script&gt;&amp;\"</title>"))
    #expect(markup.contains(">&lt;script&gt;&amp;\"</text>"))
    #expect(markup.contains("<title>&lt;script&gt;&amp;\" · &lt;script&gt;&amp;\": 1</title>"))

    let empty = TrendChart(title: "T", periods: [], series: [], emptyText: hostile).render().render()
    #expect(empty.contains(">&lt;script&gt;&amp;\"</text>"))
    #expect(!empty.contains("<script"))
}

@Test func rightToLeftRunsTimeFromTheRight() {
    let rtl = chart(periods: 12, rightToLeft: true)
    #expect(rtl.xPosition(index: 0) > rtl.xPosition(index: 11))
    let ltr = chart(periods: 12, rightToLeft: false)
    #expect(ltr.xPosition(index: 0) < ltr.xPosition(index: 11))

    // The rendered points agree: the first series' first point is right of its last.
    let cx = pointXs(in: rtl.render().render())
    #expect(cx.count == 36)
    #expect(cx[0] > cx[11])

    let markup = rtl.render().render()
    #expect(markup.contains("direction=\"rtl\""))
    // Y labels sit right of the plot, anchored at their left edge.
    #expect(markup.contains("<g text-anchor=\"start\"><text x=\"\(fmt(rtl.layout().right + 5))\""))
    #expect(!chart(periods: 12).render().render().contains("direction=\"rtl\""))
}

@Test(arguments: [
    (0, [0, 1, 2, 3]),
    (1, [0, 1, 2, 3]),
    (7, [0, 2, 4, 6, 8]),
    (10, [0, 5, 10, 15]),
    (99, [0, 25, 50, 75, 100]),
    (1234, [0, 500, 1000, 1500]),
])
func niceTicks(max: Int, expected: [Int]) {
    #expect(TrendChart.niceTicks(max: max) == expected)
}

@Test func niceTicksAlwaysCoverTheMaximumWithFourOrFiveTicks() {
    for max in Array(0...1000) + [99_999, 123_456_789, TrendChart.maxValue] {
        let ticks = TrendChart.niceTicks(max: max)
        #expect((4...5).contains(ticks.count), "max \(max): \(ticks)")
        #expect(ticks.first == 0)
        #expect(ticks.last! >= max, "max \(max): \(ticks)")
    }
}

@Test func labelsAreThinnedForManyPeriodsButTheLastIsKept() {
    let many = chart(periods: 36).layout().labelIndices
    #expect(many.count <= 12)
    #expect(many.count >= 9)
    #expect(many.last == 35)
    let markup = chart(periods: 36).render().render()
    #expect(markup.contains(">2026-12</text>"))
    #expect(!markup.contains(">2026-11</text>"))

    #expect(chart(periods: 12).layout().labelIndices == Array(0..<12))
    #expect(chart(periods: 1).layout().labelIndices == [0])
}

@Test func twentyFourMonthsThreeSeriesStaysSmall() {
    let markup = chart(periods: 24, series: 3).render().render()
    #expect(markup.utf8.count < 7_500, "\(markup.utf8.count) bytes")
    // No coordinate carries more than one decimal.
    let numbers = markup.matches(of: /\d+\.(\d+)/).map { $0.output.1.count }
    #expect(numbers.allSatisfy { $0 == 1 })
}

@Test func invalidInputIsNormalisedNotFatal() {
    let c = TrendChart(
        title: "T", periods: months(3),
        series: [
            .init(name: "a", values: [-5, 2]),
            .init(name: "b", values: [1, 2, 3, 4, 5]),
            .init(name: "c", values: []),
            .init(name: "d", values: [1, 1, 1]),
            .init(name: "e", values: [9, 9, 9]),
        ],
        emptyText: "none")
    #expect(c.series.map(\.name) == ["a", "b", "c", "d"])
    #expect(c.series.map(\.values) == [[0, 2, 0], [1, 2, 3], [0, 0, 0], [1, 1, 1]])
    let markup = c.render().render()
    #expect(pointXs(in: markup).count == 12)
    #expect(!markup.contains(">e<"))
}

@Test func noPeriodsOrNoSeriesRendersTheEmptyText() {
    for c in [
        TrendChart(title: "T", periods: [], series: [.init(name: "a", values: [1])], emptyText: "Nothing yet"),
        TrendChart(title: "T", periods: months(3), series: [], emptyText: "Nothing yet"),
    ] {
        let markup = c.render().render()
        #expect(markup.contains(">Nothing yet</text>"))
        #expect(markup.contains(" role=\"img\""))
        #expect(markup.contains(" viewBox=\"0 0 640 60\""))
        #expect(pointXs(in: markup).isEmpty)
    }
}

@Test func allZeroAndSinglePeriodDataStillDraw() {
    let zero = TrendChart(
        title: "T", periods: months(4), series: [.init(name: "a", values: [0, 0, 0, 0])], emptyText: "none")
    let markup = zero.render().render()
    #expect(pointXs(in: markup).count == 4)
    #expect(!markup.contains("nan") && !markup.contains("inf"))

    let single = TrendChart(
        title: "T", periods: ["2026-01"], series: [.init(name: "a", values: [5])], emptyText: "none")
    let layout = single.layout()
    #expect(single.xPosition(index: 0) == (layout.left + layout.right) / 2)
}

@Test func coordinatesFormatWithAtMostOneDecimal() {
    #expect(fmt(12) == "12")
    #expect(fmt(12.04) == "12")
    #expect(fmt(12.06) == "12.1")
    #expect(fmt(0.5) == "0.5")
    #expect(fmt(-0.5) == "-0.5")
}
