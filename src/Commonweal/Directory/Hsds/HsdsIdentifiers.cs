using System.Text.Json.Nodes;
using Commonweal.Organisations;

namespace Commonweal.Directory.Hsds;

/// <summary>The org-id.guide identifiers (GB-CHC-…, GB-COH-…) among an HSDS organization's organization_identifiers.</summary>
public static class HsdsIdentifiers
{
    public static IEnumerable<string> Of(JsonObject organization)
    {
        foreach (var item in (organization["organization_identifiers"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var scheme = (item["identifier_scheme"] as JsonValue)?.TryGetValue<string>(out var s) == true ? s : null;
            var number = (item["identifier"] as JsonValue)?.TryGetValue<string>(out var n) == true ? n : null;
            var (identifier, _) = OrgIdentifier.Create(scheme, number);
            if (identifier is not null)
            {
                yield return identifier;
            }
        }
    }
}
