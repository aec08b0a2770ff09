namespace Commonweal.Procurement.Ocds;

/// <summary>
/// How this deployment publishes OCDS. The ocid prefix <c>ocds-cmnwl-</c> is a placeholder that
/// no one registered: a real deployment registers its own prefix with the OCDS helpdesk and sets
/// it here (configuration <c>Commonweal:Ocds:OcidPrefix</c>), before publishing anything, because
/// an ocid must never change once published.
/// </summary>
public sealed record OcdsOptions
{
    public const string DefaultOcidPrefix = "ocds-cmnwl-";

    public string OcidPrefix { get; init; } = DefaultOcidPrefix;
    public string PublisherName { get; init; } = "Commonweal";

    /// <summary>Where the site is reached, for package uris when there is no request to take it from (the CLI export).</summary>
    public string BaseUrl { get; init; } = "http://localhost:5000";

    /// <summary>Notices published by public bodies in England are Crown or public sector information.</summary>
    public string License { get; init; } = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/";

    public string Ocid(string reference) => OcidPrefix + reference;

    /// <summary>The opportunity reference an ocid of this deployment names, or null when it is another publisher's.</summary>
    public string? ReferenceOf(string ocid) =>
        ocid.StartsWith(OcidPrefix, StringComparison.Ordinal) ? ocid[OcidPrefix.Length..] : null;
}
