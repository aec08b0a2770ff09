using Commonweal.Passport;

namespace Commonweal.Web.Procurement;

public static class EvidenceNames
{
    public static string DisplayName(EvidenceKind kind) => kind switch
    {
        EvidenceKind.PublicLiabilityInsurance => "Public liability insurance",
        EvidenceKind.EmployersLiabilityInsurance => "Employers' liability insurance",
        EvidenceKind.SafeguardingPolicy => "Safeguarding policy",
        EvidenceKind.DbsChecks => "DBS checks",
        EvidenceKind.VolunteerRegister => "Volunteer register and training records",
        EvidenceKind.DataSecurityAndProtectionToolkit => "Data Security and Protection Toolkit",
        EvidenceKind.CqcRegistration => "CQC registration",
        EvidenceKind.Accounts => "Accounts",
        _ => kind.ToString(),
    };
}
