import LessonModel
import Testing

/// A value the text shows reads as the lessons write numbers: as metrics show them, or to
/// fixed decimals, with a minus sign.
@Test func shownValuesReadAsTheLessonsWriteNumbers() {
    #expect(ShownValue.double(243.871234).text() == "243.871")
    #expect(ShownValue.double(-0.6543).text(digits: 1) == "\u{2212}0.7")
    #expect(ShownValue.int(-11).text() == "\u{2212}11")
    #expect(ShownValue.double(.nan).text(digits: 2) == "nan")
    #expect(ShownValue.text("saturating").text(digits: 2) == "saturating")
}
