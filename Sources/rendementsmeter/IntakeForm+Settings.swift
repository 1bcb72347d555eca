import RendementsCore
import RendementsDomain
import RendementsStorage

extension IntakeForm {
    /// The intake's choices as the business case's price list and settings make them.
    static func of(_ list: PriceList?, _ settings: BusinessCaseSettings) -> IntakeForm {
        IntakeForm(hourlyRates: list.map(settings.effectiveHourlyRates) ?? [],
                   interventions: Choices.interventions + settings.interventions.filter { !Choices.interventions.contains($0) },
                   priceList: list)
    }
}
