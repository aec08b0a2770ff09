using Commonweal.Data;

namespace Commonweal.Procurement.Ocds;

/// <summary>
/// A contracting process imported from another publisher's OCDS data, kept under its own ocid:
/// the opportunity it shows as here, and the language and currency it was published in.
/// </summary>
public sealed class OcdsProcess
{
    public const int OcidMaxLength = 100;

    public Guid Id { get; set; } = NewId.Next();
    public required string Ocid { get; set; }
    public Guid OpportunityId { get; set; }
    public Opportunity? Opportunity { get; set; }

    /// <summary>BCP 47 language of the publisher's text, when the releases say.</summary>
    public string? Language { get; set; }

    /// <summary>ISO 4217 currency of the publisher's values.</summary>
    public string? Currency { get; set; }
    public string? Publisher { get; set; }
    public DateTime ImportedAt { get; set; }

    public List<OcdsRelease> Releases { get; set; } = [];
}

/// <summary>
/// One imported release, exactly as its publisher wrote it (extensions and all), served again
/// under /ocds unchanged. Keyed by ocid and release id, so importing it again writes nothing.
/// </summary>
public sealed class OcdsRelease
{
    public const int ReleaseIdMaxLength = 200;

    public Guid Id { get; set; } = NewId.Next();
    public Guid ProcessId { get; set; }
    public required string Ocid { get; set; }
    public required string ReleaseId { get; set; }
    public DateTime Date { get; set; }

    /// <summary>The release's tags, space-separated.</summary>
    public required string Tags { get; set; }

    public required string Json { get; set; }
}
