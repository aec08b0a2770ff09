using Commonweal.Data;

namespace Commonweal.Directory;

/// <summary>A vocabulary of terms (HSDS "taxonomy"): Commonweal's needs taxonomy, or any imported one.</summary>
public sealed class Taxonomy
{
    public Guid Id { get; set; } = NewId.Next();
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? Uri { get; set; }
    public string? Version { get; set; }
    public string Extra { get; set; } = "{}";
}

/// <summary>A term of a taxonomy, possibly under a parent term (HSDS "taxonomy_term").</summary>
public sealed class TaxonomyTerm
{
    public Guid Id { get; set; } = NewId.Next();
    public Guid? TaxonomyId { get; set; }
    public Taxonomy? Taxonomy { get; set; }
    public string? Code { get; set; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public Guid? ParentId { get; set; }
    public string? TermUri { get; set; }
    public string? Language { get; set; }
    public string Extra { get; set; } = "{}";
}

/// <summary>A service classified by a term (an HSDS attribute linking a service to a taxonomy term).</summary>
public sealed class ServiceTaxonomyTerm
{
    /// <summary>The HSDS attribute's id.</summary>
    public Guid Id { get; set; } = NewId.Next();
    public Guid ServiceId { get; set; }
    public Guid TaxonomyTermId { get; set; }
    public TaxonomyTerm? TaxonomyTerm { get; set; }
    public string? Value { get; set; }
    public string Extra { get; set; } = "{}";
}
