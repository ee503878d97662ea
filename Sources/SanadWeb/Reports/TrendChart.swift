import Plot

/// A server-rendered line chart of monthly (or any periodic) counts: an inline `<svg>` built from the `HTMLKit`
/// helpers, so every label, name and title is escaped. No JavaScript, no external CSS required.
///
/// Input is normalised in `init` rather than trapping:
/// - only the first `maxSeries` (4) series are kept;
/// - each series is truncated or padded with 0 to `periods.count` values;
/// - negative values become 0 and values above `maxValue` become `maxValue`.
/// With no periods or no series the chart renders a small svg showing `emptyText`. All-zero data is data: it is
/// drawn as a flat line on a 0…3 axis.
///
/// The svg sets `direction="ltr"` itself so anchors do not flip when it sits in a `dir="rtl"` page; groups that
/// contain names (legend, x labels) get `direction="rtl"` when `rightToLeft` is true. Text uses `currentColor`,
/// so the chart follows the page's text colour (dark mode included), and the page's font.
///
/// Each point is a dot (`<path d="Mx yh0">` with a round cap) carrying a `<title>` tooltip "series · period: value".
public struct TrendChart: Sendable {
    public struct Series: Sendable {
        public let name: String
        public let values: [Int]

        public init(name: String, values: [Int]) {
            self.name = name
            self.values = values
        }
    }

    /// Used for `<title>` and `aria-label`.
    public let title: String
    /// X labels, already formatted by the caller ("2026-01", "يناير ٢٠٢٦" …).
    public let periods: [String]
    /// At most `maxSeries` series, each with exactly `periods.count` values in `0...maxValue` (normalised in init).
    public let series: [Series]
    /// Arabic: time runs from right to left and the y axis is on the right.
    public let rightToLeft: Bool
    /// Shown when there is nothing to draw (no periods or no series).
    public let emptyText: String

    public static let maxSeries = 4
    public static let maxValue = 1_000_000_000_000_000

    public init(title: String, periods: [String], series: [Series], rightToLeft: Bool = false, emptyText: String) {
        self.title = title
        self.periods = periods
        self.rightToLeft = rightToLeft
        self.emptyText = emptyText
        let count = periods.count
        self.series = series.prefix(Self.maxSeries).map { s in
            let values = (0..<count).map { i in
                i < s.values.count ? min(max(s.values[i], 0), Self.maxValue) : 0
            }
            return Series(name: s.name, values: values)
        }
    }

    /// Okabe–Ito colours (blue, vermillion, bluish green, reddish purple), distinguishable with the common forms of
    /// colour blindness and all dark enough on white; each series also has its own dash pattern.
    static let colours = ["#0072B2", "#D55E00", "#009E73", "#CC79A7"]
    static let dashes: [String?] = [nil, "6 3", "2 3", "9 3 2 3"]

    public func render() -> HNode {
        if periods.isEmpty || series.isEmpty { return renderEmpty() }
        let g = layout()
        var nodes: [HNode] = [el("title", text: title)]

        // Grid lines at each tick, then the y axis and the baseline a little darker.
        var grid = ""
        for tick in g.ticks.dropFirst() {
            grid += "M\(fmt(g.left)) \(fmt(g.y(tick)))H\(fmt(g.right))"
        }
        let axisX = rightToLeft ? g.right : g.left
        let farX = rightToLeft ? g.left : g.right
        nodes.append(void("path", [attr("d", grid), attr("stroke", "currentColor"), attr("stroke-opacity", ".15")]))
        nodes.append(
            void(
                "path",
                [
                    attr("d", "M\(fmt(axisX)) \(fmt(g.top))V\(fmt(g.bottom))H\(fmt(farX))"),
                    attr("stroke", "currentColor"), attr("stroke-opacity", ".5"), attr("fill", "none"),
                ]))

        // Y tick labels: plain digits beside the axis, outside the plot.
        let yLabels = g.ticks.map { tick in
            el(
                "text", [attr("x", fmt(rightToLeft ? g.right + 5 : g.left - 5)), attr("y", fmt(g.y(tick) + 4))],
                text: String(tick))
        }
        nodes.append(el("g", [attr("text-anchor", rightToLeft ? "start" : "end")], yLabels))

        // X labels, thinned so they do not overlap; the last period is always labelled.
        let xLabels = g.labelIndices.map { i in
            el("text", [attr("x", fmt(g.x(i))), attr("y", fmt(g.bottom + 15))], text: periods[i])
        }
        nodes.append(
            el(
                "g",
                [attr("text-anchor", "middle"), attr("font-size", "10"), rightToLeft ? attr("direction", "rtl") : nil],
                xLabels))

        // One group per series: line, legend swatch, then a dot per point with its tooltip. A dot is a zero-length
        // path with a round cap (drawn as a circle by every SVG renderer): about 40% fewer bytes than `<circle>`,
        // which keeps a 24-month, 3-series chart near 7 KB. Points use whole units so line and dots coincide.
        for (s, line) in series.enumerated() {
            let colour = Self.colours[s % Self.colours.count]
            let dash = Self.dashes[s % Self.dashes.count]
            let points = line.values.indices.map { "\(whole(g.x($0))),\(whole(g.y(line.values[$0])))" }
            let dots = line.values.indices.map { i in
                el(
                    "path", [attr("d", "M\(whole(g.x(i))) \(whole(g.y(line.values[i])))h0")],
                    [el("title", text: "\(line.name) · \(periods[i]): \(line.values[i])")])
            }
            let swatch = g.legend[s]
            let swatchStart = rightToLeft ? swatch.x - 18 : swatch.x
            let children: [HNode] = [
                void("polyline", [attr("points", points.joined(separator: " ")), attr("stroke-dasharray", dash)]),
                void(
                    "path", [attr("d", "M\(fmt(swatchStart)) \(fmt(swatch.y - 4))h18"), attr("stroke-dasharray", dash)]),
                el("g", [attr("stroke-width", "5"), attr("stroke-linecap", "round")], dots),
            ]
            nodes.append(
                el("g", [attr("stroke", colour), attr("fill", "none"), attr("stroke-width", "2")], children))
        }

        // Legend names in the page's text colour, beside their swatches.
        let names = series.enumerated().map { s, line in
            let item = g.legend[s]
            return el(
                "text", [attr("x", fmt(rightToLeft ? item.x - 22 : item.x + 22)), attr("y", fmt(item.y))],
                text: line.name)
        }
        nodes.append(el("g", [attr("text-anchor", "start"), rightToLeft ? attr("direction", "rtl") : nil], names))

        return svg(height: Layout.height, nodes)
    }

    private func renderEmpty() -> HNode {
        let text = el(
            "text",
            [
                attr("x", "320"), attr("y", "34"), attr("text-anchor", "middle"),
                rightToLeft ? attr("direction", "rtl") : nil,
            ],
            text: emptyText)
        return svg(height: 60, [el("title", text: title), text])
    }

    private func svg(height: Double, _ children: [HNode]) -> HNode {
        el(
            "svg",
            [
                attr("viewBox", "0 0 \(fmt(Layout.width)) \(fmt(height))"), attr("width", "100%"), attr("role", "img"),
                attr("aria-label", title), attr("class", "trend-chart"), attr("direction", "ltr"),
                attr("font-size", "11"),
                attr("fill", "currentColor"),
            ],
            children)
    }

    // MARK: Geometry (internal for tests)

    struct Layout {
        static let width = 640.0
        static let height = 260.0

        var left = 0.0
        var right = 0.0
        var top = 0.0
        var bottom = 0.0
        var ticks: [Int] = [0, 1, 2, 3]
        var count = 0
        var rightToLeft = false
        var labelIndices: [Int] = []
        /// Per series: the swatch's edge nearest the start of the row (its left edge in LTR, right edge in RTL) and
        /// the text baseline.
        var legend: [(x: Double, y: Double)] = []

        func x(_ index: Int) -> Double {
            guard count > 1 else { return (left + right) / 2 }
            let step = (right - left) / Double(count - 1)
            return rightToLeft ? right - Double(index) * step : left + Double(index) * step
        }

        func y(_ value: Int) -> Double {
            let top = Double(ticks.last ?? 1)
            return bottom - Double(value) / top * (bottom - self.top)
        }
    }

    /// Rough advance width of text: 0.6 em per character covers digits and most Latin and Arabic text.
    static func textWidth(_ text: String, fontSize: Double) -> Double {
        Double(text.count) * fontSize * 0.6
    }

    func layout() -> Layout {
        var g = Layout()
        g.count = periods.count
        g.rightToLeft = rightToLeft
        g.ticks = Self.niceTicks(max: series.flatMap(\.values).max() ?? 0)

        let longestLabel = periods.map { Self.textWidth($0, fontSize: 10) }.max() ?? 0
        let axisLabel = Self.textWidth(String(g.ticks.last ?? 0), fontSize: 11)
        // The first and last x labels are centred on the plot edges, so each side needs half a label of room.
        let axisMargin = min(max(axisLabel + 10, longestLabel / 2 + 2, 28), 160)
        let farMargin = min(max(longestLabel / 2 + 2, 12), 160)
        g.left = rightToLeft ? farMargin : axisMargin
        g.right = Layout.width - (rightToLeft ? axisMargin : farMargin)

        // Legend: items flow from the axis side of the plot and wrap onto another row when they run out of room.
        let start = rightToLeft ? g.right : g.left
        let room = g.right - g.left
        var used = 0.0
        var row = 0
        for line in series {
            let itemWidth = 22 + Self.textWidth(line.name, fontSize: 11) + 14
            if used > 0 && used + itemWidth > room {
                row += 1
                used = 0
            }
            let y = 14 + Double(row) * 16
            g.legend.append((rightToLeft ? start - used : start + used, y))
            used += itemWidth
        }
        g.top = 14 + Double(row) * 16 + 14
        g.bottom = Layout.height - 24

        let spacing = g.count > 1 ? room / Double(g.count - 1) : room
        let step = Self.labelStep(count: g.count, labelWidth: longestLabel, spacing: spacing)
        g.labelIndices = (0..<g.count).filter { (g.count - 1 - $0) % step == 0 }
        return g
    }

    /// The x coordinate of period `index` (0 = first period; at the right edge when `rightToLeft`).
    func xPosition(index: Int) -> Double { layout().x(index) }

    /// Every label when there are at most 12 periods and they fit; otherwise every n-th, counted back from the
    /// last so the latest period is always labelled.
    static func labelStep(count: Int, labelWidth: Double, spacing: Double) -> Int {
        guard count > 1 else { return 1 }
        var step = count <= 12 ? 1 : (count + 11) / 12
        while Double(step) * spacing < labelWidth + 4 && step < count - 1 { step += 1 }
        return step
    }

    /// 4 or 5 ticks from 0 to a round number ≥ `max`: steps of 1, 2, 5 or 2.5 × 10ⁿ (n ≥ 1), picking the lowest
    /// top. `max` of 0 or 1 gives 0…3.
    static func niceTicks(max: Int) -> [Int] {
        let maximum = Swift.min(Swift.max(max, 0), maxValue)
        var best: (top: Int, step: Int, intervals: Int)?
        var magnitude = 1
        while best == nil || magnitude <= (best?.step ?? 0) {
            for step in [magnitude, magnitude * 2, magnitude >= 10 ? magnitude / 2 * 5 : 0, magnitude * 5]
            where step > 0 {
                let needed = maximum / step + (maximum % step == 0 ? 0 : 1)
                guard needed <= 4 else { continue }
                let intervals = Swift.max(needed, 3)
                let top = intervals * step
                if top < (best?.top ?? .max) { best = (top, step, intervals) }
            }
            magnitude *= 10
        }
        guard let best else { return [0, 1, 2, 3] }
        return (0...best.intervals).map { $0 * best.step }
    }
}

/// A coordinate rounded to a whole unit (data points: 1 unit ≤ 1 CSS pixel at any width up to 640 px).
func whole(_ value: Double) -> String { fmt(value.rounded()) }

/// A coordinate with at most one decimal and no trailing ".0".
func fmt(_ value: Double) -> String {
    let tenths = Int((value * 10).rounded())
    let sign = tenths < 0 ? "-" : ""
    let whole = abs(tenths) / 10
    let fraction = abs(tenths) % 10
    return fraction == 0 ? "\(sign)\(whole)" : "\(sign)\(whole).\(fraction)"
}
