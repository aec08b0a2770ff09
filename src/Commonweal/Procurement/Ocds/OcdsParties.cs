using Commonweal.Organisations;

namespace Commonweal.Procurement.Ocds;

/// <summary>How an organisation is described as an OCDS party.</summary>
public static class OcdsParties
{
    public const string Sme = "sme";
    public const string Large = "large";

    /// <summary>
    /// The party's <c>details.scale</c> (partyScale codelist), or null when not known. Public
    /// bodies (NHS trusts, councils, ICBs) are large whatever their band: they are not SMEs in
    /// law. Anyone else is an SME when its income band is under £10 million a year (NCVO's
    /// micro to large bands) and large from £10 million (major and super-major). The SME ceiling is
    /// a £36 million turnover (Companies Act 2006, s465), which falls inside the £10–100 million
    /// band; that whole band is counted as large, so that the share of work going to SMEs is never
    /// overstated. GP practices are counted by their band like any other provider.
    /// </summary>
    public static string? Scale(Organisation o) => o.LegalForm switch
    {
        LegalForm.NhsTrust or LegalForm.LocalAuthority or LegalForm.IntegratedCareBoard => Large,
        _ => o.IncomeBand switch
        {
            null => null,
            IncomeBand.Major or IncomeBand.SuperMajor => Large,
            _ => Sme,
        },
    };

    /// <summary>
    /// The extension field <c>details.thirdSector</c>: true for the voluntary, community and social
    /// enterprise sector (charities, CIOs, CICs, societies, co-operatives, mutuals, community groups),
    /// false for public and private bodies, from the sector derived from the legal form; null when
    /// the legal form is not known.
    /// </summary>
    public static bool? ThirdSector(Organisation o) => LegalForms.SectorOf(o.LegalForm) is { } sector ? sector == Sector.Third : null;

    /// <summary>The org-id identifier when there is one; otherwise an id that is unique here.</summary>
    public static string PartyId(Organisation o) => o.Identifier ?? $"commonweal-{o.Id}";
}
