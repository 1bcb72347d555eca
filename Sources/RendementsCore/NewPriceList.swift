import RendementsDomain

/// A price list (and the intake form made from it) read while the app runs: another version
/// deployed, or the list's files replaced.
public struct NewPriceList: Sendable {
    public let list: PriceList?
    public let form: IntakeForm

    public init(list: PriceList?, form: IntakeForm) {
        self.list = list
        self.form = form
    }
}
