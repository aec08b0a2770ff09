namespace Commonweal.Organisations;

/// <summary>The legal forms an organisation on Commonweal can take (DESIGN.md, Organisations).</summary>
public enum LegalForm
{
    RegisteredCharity,
    CharitableIncorporatedOrganisation,
    CommunityInterestCompany,
    CharitableCompany,
    CommunityBenefitSociety,
    CoOperative,
    Mutual,
    UnincorporatedCommunityGroup,
    PrivateCompany,
    NhsTrust,
    GpPractice,
    LocalAuthority,
    IntegratedCareBoard,
}

public enum Sector
{
    Public,
    Private,
    Third,
}

public static class LegalForms
{
    /// <summary>
    /// Sector is derived, never entered, so that sector-share figures cannot be gamed by a label.
    /// GP practices are independent contractors in law, but they are counted as public here because
    /// their income is NHS primary care money and commissioners report it that way.
    /// </summary>
    public static Sector? SectorOf(LegalForm? form) => form switch
    {
        null => null,
        LegalForm.PrivateCompany => Sector.Private,
        LegalForm.NhsTrust or LegalForm.GpPractice or LegalForm.LocalAuthority or LegalForm.IntegratedCareBoard => Sector.Public,
        _ => Sector.Third,
    };

    /// <summary>Bodies that commission or fund care; their members may take the commissioner role.</summary>
    public static bool IsStatutoryCommissioner(LegalForm? form) =>
        form is LegalForm.LocalAuthority or LegalForm.IntegratedCareBoard;

    /// <summary>Organisations imported from open data (HSDS, 360Giving) may not say what they are.</summary>
    public static string DisplayName(LegalForm? form) => form switch
    {
        null => "Legal form not known",
        LegalForm.RegisteredCharity => "Registered charity",
        LegalForm.CharitableIncorporatedOrganisation => "Charitable incorporated organisation (CIO)",
        LegalForm.CommunityInterestCompany => "Community interest company (CIC)",
        LegalForm.CharitableCompany => "Charitable company",
        LegalForm.CommunityBenefitSociety => "Community benefit society",
        LegalForm.CoOperative => "Co-operative",
        LegalForm.Mutual => "Mutual",
        LegalForm.UnincorporatedCommunityGroup => "Unincorporated community group",
        LegalForm.PrivateCompany => "Private company",
        LegalForm.NhsTrust => "NHS trust",
        LegalForm.GpPractice => "GP practice",
        LegalForm.LocalAuthority => "Local authority",
        LegalForm.IntegratedCareBoard => "Integrated care board (ICB)",
        _ => form.Value.ToString(),
    };

    public static string DisplayName(Sector? sector) => sector switch
    {
        null => "Sector not known",
        Sector.Third => "Voluntary, community and social enterprise (third sector)",
        _ => sector.Value.ToString(),
    };
}
