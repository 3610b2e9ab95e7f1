import Outputs

extension RGBColor {
    /// The categorical palette: Okabe and Ito's colors, distinguishable with the common forms
    /// of color blindness and readable on light and dark backgrounds (black is left out), then
    /// three of Paul Tol's for datasets with ten classes.
    public static let categorical: [RGBColor] = ([
        0x0072B2, 0xE69F00, 0x009E73, 0xD55E00, 0x56B4E9, 0xCC79A7, 0xF0E442, 0x999999, 0x999933, 0xAA4499,
    ] as [UInt32]).map(RGBColor.init(hex:))

    /// The categorical color of class or series `index` (the palette repeats past its end).
    public static func category(_ index: Int) -> RGBColor {
        categorical[((index % categorical.count) + categorical.count) % categorical.count]
    }

    /// The viridis color map at `t` in [0, 1]: perceptually uniform, readable in grayscale and
    /// by color-blind readers. A degree-6 polynomial fit of matplotlib's table.
    public static func viridis(_ t: Double) -> RGBColor {
        let x = t.isNaN ? 0 : min(max(t, 0), 1)
        func channel(_ c: [Double]) -> UInt8 {
            let value = c.reversed().reduce(0) { $0 * x + $1 }
            return UInt8((min(max(value, 0), 1) * 255).rounded())
        }
        return RGBColor(
            red: channel([0.277727327, 0.105093043, -0.330861829, -4.634230499, 6.228269936, 4.776384998, -5.435455856]),
            green: channel([0.005407345, 1.404613530, 0.214847559, -5.799100973, 14.179933367, -13.745145378, 4.645852612]),
            blue: channel([0.334099805, 1.384590163, 0.095095163, -19.332440956, 56.690552601, -65.353032633, 26.312435250]))
    }
}
