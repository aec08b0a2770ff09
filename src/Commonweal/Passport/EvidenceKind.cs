namespace Commonweal.Passport;

/// <summary>
/// The kinds of compliance evidence an organisation holds once in its passport. Opportunities name
/// the kinds they require as conditions of participation, so bids can draw on the passport.
/// </summary>
public enum EvidenceKind
{
    PublicLiabilityInsurance,
    EmployersLiabilityInsurance,
    SafeguardingPolicy,
    DbsChecks,
    VolunteerRegister,
    DataSecurityAndProtectionToolkit,
    CqcRegistration,
    Accounts,
}
