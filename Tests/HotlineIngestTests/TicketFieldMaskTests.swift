import Testing

@testable import HotlineIngest

/// The fields a ticket reader has met, gathered as one bit per field.
struct TicketFieldMaskTests {
    @Test func everyFieldHasItsOwnBitAndTheMaskGivesBackTheFieldsSet() {
        #expect(TicketField.allCases.count <= 64)
        #expect(Set(TicketField.allCases.map(\.slot)).count == TicketField.allCases.count)
        var values = TicketFieldValues()
        values.set(.id, "1")
        values.set(.status, "open")
        values.set(.tags, "")
        #expect(TicketFieldValues.fields(in: values.fieldMask) == [.id, .status, .tags])
        #expect(TicketFieldValues.fields(in: 0).isEmpty)
    }
}
