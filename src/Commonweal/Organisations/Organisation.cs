using Commonweal.Data;

namespace Commonweal.Organisations;

public sealed class Organisation
{
    public const int NameMaxLength = 200;
    public const int DescriptionMaxLength = 4000;

    public Guid Id { get; set; } = NewId.Next();

    /// <summary>org-id.guide identifier such as GB-CHC-1234567; null only for unregistered community groups.</summary>
    public string? Identifier { get; set; }

    public required string Name { get; set; }
    public string? Description { get; set; }
    /// <summary>Null only for organisations imported from open data that does not say.</summary>
    public LegalForm? LegalForm { get; set; }

    /// <summary>Stored (not only computed) so that reports can group by it in the database.</summary>
    public Sector? Sector { get; private set; }

    public Activities Activities { get; set; }
    public IncomeBand? IncomeBand { get; set; }
    public int? Members { get; set; }
    public int? Volunteers { get; set; }
    public OrganisationStatus Status { get; set; } = OrganisationStatus.Active;

    public string? Website { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? AddressLine1 { get; set; }
    public string? AddressLine2 { get; set; }
    public string? Town { get; set; }
    public string? Postcode { get; set; }

    /// <summary>ODS code of the commissioner that holds a GP practice's contract, from the ODS list.</summary>
    public string? CommissionerCode { get; set; }

    /// <summary>JSON object: HSDS organization fields Commonweal does not model (logo, tax status…), kept for export.</summary>
    public string DirectoryExtra { get; set; } = "{}";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>Keeps the derived sector in step with the legal form; called before every save.</summary>
    public void DeriveSector() => Sector = LegalForms.SectorOf(LegalForm);
}
