using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Insight.Giving;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Insight;

/// <summary>
/// The one-pass check decides as the parsed walk does: for real grants, their quirky forms and
/// faulty ones, checking a grant gives the same kept grant or the same faults as parsing and
/// walking it; and a real grant is passed in one pass (so the fast way is the one taken).
/// </summary>
public sealed class GrantOnePassTests
{
    private static ReadGrant Read(string json, int index) => new(Encoding.UTF8.GetBytes(json), "grants.json", index, 0);

    /// <summary>The real file's grants, and each with the quirks and forms the import accepts or refuses laid on it.</summary>
    private static IEnumerable<string> Variants()
    {
        var grants = JsonNode.Parse(File.ReadAllText(Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json")))!["grants"]!.AsArray();
        Func<JsonObject, JsonObject>[] changes =
        [
            g => g,
            g => Set(g, "amountAwarded", $"£{(decimal)g["amountAwarded"]!:N2}"),
            g => Set(g, "amountAwarded", " 1,250.5 "),
            g => Set(g, "amountAwarded", "-5"),
            g => Set(g, "amountAwarded", 12.5e3),
            g => Set(g, "awardDate", "7/3/2021"),
            g => Set(g, "awardDate", "07/03/2021 10:30"),
            g => Set(g, "awardDate", "2021-02-30"),
            g => Set(g, "awardDate", "2021-03-07"),
            g => Set(g, "awardDate", "2021-03-07T23:30:00.1234567-05:00"),
            g => Set(g, "awardDate", "2021-03-07t10:00:00z"),
            g => Set(g, "dateModified", "31/12/2020"),
            g => Set(g, "dateModified", "2020-12-31T24:00:00Z"),
            g => Set(g, "plannedDates", JsonNode.Parse("""[{"startDate": "01/04/2021", "duration": "12"}, {"endDate": "1/1/2022"}]""")),
            g => Set(g, "plannedDates", JsonNode.Parse("""[{"startDate": "2021-04", "endDate": "2021-03-31"}]""")),
            g => Set(g, "plannedDates", JsonNode.Parse("""[{"startDate": "2021-04-01T00:00:00+01:00", "duration": 6.5}]""")),
            g => Set(g, "plannedDates", JsonNode.Parse("""[{"startDate": "2021-04-01", "endDate": "2021-03-01"}]""")),
            g => Set(g, "actualDates", JsonNode.Parse("""[{"startDate": "1/2/2021", "duration": "-1"}]""")),
            g => Set(g, "currency", "gbp"),
            g => Set(g, "dataSource", "not a web address"),
            g => Set(g, "recipientOrganization", JsonNode.Parse("""[{"id": "GB-CHC-123", "name": "  Spaced  ", "postalCode": "n1 9gu"}]""")),
            g => Set(g, "recipientOrganization", JsonNode.Parse("""[{"id": "360G-LOCAL-1", "name": "Group", "url": "https://example.org/a"}, 5]""")),
            g => Set(g, "recipientOrganization", JsonNode.Parse("""[]""")),
            g => Set(g, "fundingOrganization", JsonNode.Parse("""[{"id": "GB-CHC-1000147", "name": ""}]""")),
            g => Set(g, "recipientIndividual", JsonNode.Parse("""{"id": "P1", "name": "A person"}""")),
            g => Set(g, "grantProgramme", JsonNode.Parse("""["not an object"]""")),
            g => Set(g, "beneficiaryLocation", JsonNode.Parse("""[{"countryCode": "GB", "latitude": 51.5}, {"countryCode": "XX"}]""")),
            g => Set(g, "id", 7),
            g => Without(g, "title"),
        ];
        var index = 0;
        foreach (var grant in grants)
        {
            // Each change once for every tenth grant: all of them, over a spread of the real file.
            foreach (var change in index++ % 10 == 0 ? changes : changes[..1])
            {
                yield return change(grant!.DeepClone().AsObject()).ToJsonString();
            }
        }

        // What a writer may do that a parsed document hides: a name given twice, escapes, comments.
        yield return """{"id": "360G-X", "id": "360G-Y", "title": "t", "description": "d", "currency": "GBP", "amountAwarded": 5, "awardDate": "2025-05-01", "recipientOrganization": [{"id": "GB-CHC-1", "name": "R"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""";
        yield return """{"\u0069d": "360G-ESC", "title": "t\n", "description": "d", /* note */ "currency": "GBP", "amountAwarded": 5, "awardDate": "2025-05-01", "recipientOrganization": [{"id": "GB-CHC-1", "name": "R\u00e9"}], "fundingOrganization": [{"id": "GB-CHC-1000149", "name": "F"}]}""";
    }

    private static JsonObject Set(JsonObject grant, string name, JsonNode? value)
    {
        grant[name] = value;
        return grant;
    }

    private static JsonObject Without(JsonObject grant, string name)
    {
        grant.Remove(name);
        return grant;
    }

    [Fact]
    public void Check_EveryVariantOfRealGrants_DecidesAsTheParsedWalkDoes()
    {
        var index = 0;
        foreach (var json in Variants())
        {
            var read = Read(json, index++);

            var onePass = GrantImport.Check(read);
            var parsed = GrantImport.CheckParsed(read);

            Assert.True(onePass.Grant == parsed.Grant, $"{json}\n{onePass.Grant}\n{parsed.Grant}");
            Assert.Equal(parsed.Faults ?? [], onePass.Faults ?? []);
        }
    }

    [Fact]
    public void TryPass_RealGrants_PassInOnePass()
    {
        var grants = JsonDocument.Parse(File.ReadAllBytes(Fixtures.PathOf("360giving/a-b-charitable-trust-grants.json"))).RootElement.GetProperty("grants");
        var plan = new GrantSchema.PickPlan("id", "recipientOrganization[0].id");
        var picked = new GrantSchema.Picked[plan.Count];

        foreach (var grant in grants.EnumerateArray())
        {
            Assert.True(GrantSchema.TryPass(Encoding.UTF8.GetBytes(grant.GetRawText()), plan, picked), grant.GetRawText());
            Assert.Equal(grant.GetProperty("id").GetString(), picked[0].Text);
            Assert.Equal(grant.GetProperty("recipientOrganization")[0].GetProperty("id").GetString(), picked[1].Text);
        }
    }
}
