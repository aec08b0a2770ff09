using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Commonweal.Directory;
using Commonweal.Organisations;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Directory;

/// <summary>The demo area with only a small directory of its own, so that the ORUK API tests can count it.</summary>
public sealed class OrukFactory : CommonwealFactory
{
    protected override bool SeedDemoDirectory => false;

    public Service Carers { get; private set; } = null!;
    public Service Walks { get; private set; } = null!;
    public Organisation Wellbeing { get; private set; } = null!;
    public TaxonomyTerm MentalHealth { get; private set; } = null!;
    public Taxonomy Needs { get; private set; } = null!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        var data = new DirectoryTestData(CreateDbContext);
        Wellbeing = await data.OrganisationAsync("Limehouse Listening CIC", "GB-COH-11234599");
        Needs = await data.TaxonomyAsync("Needs");
        MentalHealth = await data.TermAsync(Needs, "Mental health");
        var bereavement = await data.TermAsync(Needs, "Bereavement", MentalHealth);
        Carers = await data.ServiceAsync(Wellbeing, "Young carers counselling", "Support for young carers",
            at: DirectoryTestData.E3, outcode: "E3", terms: [bereavement], configure: s =>
            {
                (s.MinimumAge, s.MaximumAge) = (8, 18);
                (s.Url, s.Email, s.FeesDescription, s.Alert, s.AssurerEmail) =
                    ("https://listening.example.org/carers", "carers@listening.example.org", "Free", "Closed in August", "assurer@council.example.gov.uk");
                s.Extra = """{"languages":[{"id":"0b6d3b7e-55f7-4b5c-9d5a-1f1c2d3e4f50","name":"English","code":"en"}],"accreditations":"Quality mark"}""";
            });
        await data.ScheduleAsync(Carers.Id, null, "MO,WE", "09:00", "17:00");
        // Not assured for 13 months: stale.
        Walks = await data.ServiceAsync(Wellbeing, "Wellbeing walks", "Gentle walks", outcode: "E14", terms: [MentalHealth],
            configure: s => s.AssuredDate = DateOnly.FromDateTime(DateTime.UtcNow).AddMonths(-13));
        for (var i = 1; i <= 5; i++)
        {
            await data.ServiceAsync(Wellbeing, $"Peer support group {i}", "Meet others", at: DirectoryTestData.E1, outcode: "E1");
        }
    }
}

public sealed class OrukApiTests(OrukFactory factory) : IClassFixture<OrukFactory>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private async Task<(HttpStatusCode Status, string Body)> GetAsync(string url)
    {
        using var response = await factory.CreateClient().GetAsync(url, Cancel);
        return (response.StatusCode, await response.Content.ReadAsStringAsync(Cancel));
    }

    private async Task<JsonObject> GetValidAsync(string url, string schema)
    {
        var (status, body) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(await OrukSchemas.ErrorsAsync(schema, body));
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>A page: the envelope, and each item valid against the list-item schema.</summary>
    private async Task<JsonObject> GetPageAsync(string url, string itemSchema)
    {
        var (status, body) = await GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        var page = JsonNode.Parse(body)!.AsObject();
        foreach (var name in new[] { "total_items", "total_pages", "page_number", "size", "first_page", "last_page", "empty", "contents" })
        {
            Assert.True(page.ContainsKey(name), $"the page has no {name}");
        }

        foreach (var item in page["contents"]!.AsArray())
        {
            Assert.Empty(await OrukSchemas.ErrorsAsync(itemSchema, item!.ToJsonString()));
        }

        return page;
    }

    [Fact]
    public async Task Root_DescribesTheApi_AsTheOpenApiDocumentSays()
    {
        var (status, body) = await GetAsync("/oruk/");
        var openApi = JsonNode.Parse(await File.ReadAllTextAsync(Fixtures.PathOf("oruk/schema/openapi.json"), Cancel))!;
        var schema = await NJsonSchema.JsonSchema.FromJsonAsync(
            openApi["paths"]!["/"]!["get"]!["responses"]!["200"]!["content"]!["application/json"]!["schema"]!.ToJsonString(), Cancel);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(schema.Validate(body));
        Assert.Equal("3.0", (string?)JsonNode.Parse(body)!["version"]);
    }

    [Fact]
    public async Task Services_List_ValidItemsAndPageArithmetic()
    {
        var first = await GetPageAsync("/oruk/services?per_page=3", "compiled/service_list.json");
        var last = await GetPageAsync("/oruk/services?per_page=3&page=3", "compiled/service_list.json");
        var beyond = await GetPageAsync("/oruk/services?per_page=3&page=9", "compiled/service_list.json");

        Assert.Equal(7, (int)first["total_items"]!);
        Assert.Equal(3, (int)first["total_pages"]!);
        Assert.Equal(3, (int)first["size"]!);
        Assert.True((bool)first["first_page"]!);
        Assert.False((bool)first["last_page"]!);
        Assert.Equal(1, (int)last["size"]!);
        Assert.True((bool)last["last_page"]!);
        Assert.False((bool)last["first_page"]!);
        Assert.True((bool)beyond["empty"]!);
        Assert.Equal(0, (int)beyond["size"]!);
    }

    [Fact]
    public async Task Services_Filters_AsServiceSearch()
    {
        var byTerm = await GetPageAsync($"/oruk/services?taxonomy_term_id={factory.MentalHealth.Id}", "compiled/service_list.json");
        var near = await GetPageAsync("/oruk/services?postcode=E3%202AN&proximity=1000", "compiled/service_list.json");
        var text = await GetPageAsync("/oruk/services?text=walking&day=MO", "compiled/service_list.json");
        var search = await GetPageAsync("/oruk/services?search=walking", "compiled/service_list.json");

        Assert.Equal(2, (int)byTerm["total_items"]!);
        Assert.Equal(factory.Carers.Id.ToString(), (string?)near["contents"]![0]!["id"]);
        Assert.Equal(1, (int)near["total_items"]!);
        Assert.Equal(0, (int)text["total_items"]!);
        Assert.Equal(factory.Walks.Id.ToString(), (string?)search["contents"]![0]!["id"]);
    }

    [Fact]
    public async Task Service_Full_IsValid_WithAssuredDateAndLowercaseIds()
    {
        var service = await GetValidAsync($"/oruk/services/{factory.Carers.Id}", "compiled/service.json");

        Assert.Equal(factory.Carers.Id.ToString("D"), (string?)service["id"]);
        Assert.Equal("2026-01-15", (string?)service["assured_date"]);
        Assert.Equal("Quality mark", (string?)service["accreditations"]);
        Assert.Single(service["languages"]!.AsArray());
        Assert.Equal("MO,WE", (string?)service["schedules"]![0]!["byday"]);
        Assert.Equal("Bereavement", (string?)service["attributes"]![0]!["taxonomy_term"]!["name"]);
        Assert.Equal("COH", ((string?)service["organization"]!["organization_identifiers"]![0]!["identifier_scheme"])![3..]);
        Assert.DoesNotContain("Extra", service.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Service_NotAssuredFor12Months_IsMarkedStaleInItsMetadata()
    {
        var stale = await GetValidAsync($"/oruk/services/{factory.Walks.Id}", "compiled/service.json");
        var fresh = await GetValidAsync($"/oruk/services/{factory.Carers.Id}", "compiled/service.json");
        var list = await GetPageAsync("/oruk/services?search=walks", "compiled/service_list.json");

        var mark = Assert.Single(stale["metadata"]!.AsArray())!;
        Assert.Equal("stale", (string?)mark["last_action_type"]);
        Assert.Equal("assured_date", (string?)mark["field_name"]);
        Assert.Equal(factory.Walks.Id.ToString("D"), (string?)mark["resource_id"]);
        Assert.Null(fresh["metadata"]);
        Assert.Equal("stale", (string?)list["contents"]![0]!["metadata"]![0]!["last_action_type"]);
    }

    /// <summary>
    /// The services page loads only the columns a list item shows; the service at location list loads whole
    /// rows. The same service must read the same in both, or the page's query has missed a column.
    /// </summary>
    [Fact]
    public async Task Services_ListItem_IsTheSameServiceAsInServiceAtLocations()
    {
        var services = await GetPageAsync("/oruk/services?search=carers", "compiled/service_list.json");
        var links = await GetPageAsync("/oruk/service_at_locations?search=carers", "compiled/service_at_location_list.json");

        var listed = services["contents"]![0]!;
        Assert.Equal(factory.Carers.Id.ToString(), (string?)listed["id"]);
        Assert.Equal("carers@listening.example.org", (string?)listed["email"]);
        Assert.Equal("Quality mark", (string?)listed["accreditations"]);
        Assert.True(JsonNode.DeepEquals(listed, links["contents"]![0]!["service"]), $"{listed.ToJsonString()}\n{links["contents"]![0]!["service"]!.ToJsonString()}");
    }

    [Fact]
    public async Task ServiceAtLocations_ListAndFull_AreValid()
    {
        var page = await GetPageAsync("/oruk/service_at_locations?per_page=2&postcode=E3&proximity=5000", "compiled/service_at_location_list.json");
        Assert.Equal(7, (int)page["total_items"]!);
        var id = (string)page["contents"]![0]!["id"]!;

        var full = await GetValidAsync($"/oruk/service_at_locations/{id}", "compiled/service_at_location.json");

        Assert.Equal(factory.Carers.Id.ToString(), (string?)full["service"]!["id"]);
    }

    [Fact]
    public async Task Organizations_ListAndFull_AreValid()
    {
        var page = await GetPageAsync("/oruk/organizations?per_page=100", "compiled/organization_list.json");
        Assert.True((int)page["total_items"]! > 10);

        var organisation = await GetValidAsync($"/oruk/organizations/{factory.Wellbeing.Id}", "compiled/organization.json");

        Assert.Equal(7, organisation["services"]!.AsArray().Count);
    }

    [Fact]
    public async Task Taxonomies_AndTerms_AreValid()
    {
        var taxonomies = await GetPageAsync("/oruk/taxonomies", "taxonomy.json");
        var terms = await GetPageAsync("/oruk/taxonomy_terms", "taxonomy_term.json");
        await GetValidAsync($"/oruk/taxonomies/{factory.Needs.Id}", "taxonomy.json");
        var term = await GetValidAsync($"/oruk/taxonomy_terms/{factory.MentalHealth.Id}", "taxonomy_term.json");

        Assert.Equal(1, (int)taxonomies["total_items"]!);
        Assert.Equal(2, (int)terms["total_items"]!);
        Assert.Equal("Needs", (string?)term["taxonomy"]);
    }

    [Fact]
    public async Task SchemaValidation_ChecksFormats()
    {
        var service = await GetValidAsync($"/oruk/services/{factory.Carers.Id}", "compiled/service.json");

        foreach (var (field, bad) in new[] { ("id", "not-a-uuid"), ("email", "not an email"), ("url", "not a uri"), ("last_modified", "yesterday") })
        {
            var broken = service.DeepClone().AsObject();
            broken[field] = bad;
            Assert.NotEmpty(await OrukSchemas.ErrorsAsync("compiled/service.json", broken.ToJsonString()));
        }
    }

    [Theory]
    [InlineData("services")]
    [InlineData("service_at_locations")]
    [InlineData("organizations")]
    [InlineData("taxonomies")]
    [InlineData("taxonomy_terms")]
    public async Task UnknownId_Is404ProblemDetails(string collection)
    {
        var (unknown, body) = await GetAsync($"/oruk/{collection}/{Guid.NewGuid()}");
        var (malformed, _) = await GetAsync($"/oruk/{collection}/not-a-uuid");

        Assert.Equal(HttpStatusCode.NotFound, unknown);
        Assert.Equal(HttpStatusCode.NotFound, malformed);
        Assert.Equal(404, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("services?per_page=0", "per_page")]
    [InlineData("services?per_page=1000", "per_page")]
    [InlineData("services?page=0", "page")]
    [InlineData("services?taxonomy_term_id=abc", "taxonomy_term_id")]
    [InlineData("services?organization_id=123", "organization_id")]
    [InlineData("services?day=Funday", "day")]
    [InlineData("services?start_time=25:00", "start_time")]
    [InlineData("services?minimum_age=old", "minimum_age")]
    [InlineData("services?modified_after=last-week", "modified_after")]
    [InlineData("services?proximity=1000", "proximity")]
    [InlineData("services?postcode=ZZ9%209ZZ", "postcode")]
    [InlineData("services?postcode=nowhere", "postcode")]
    [InlineData("service_at_locations?postcode=ZZ9%209ZZ&proximity=10", "postcode")]
    [InlineData("organizations?per_page=-1", "per_page")]
    [InlineData("taxonomy_terms?page=x", "page")]
    public async Task BadParameter_Is400NamingIt(string url, string parameter)
    {
        var (status, body) = await GetAsync($"/oruk/{url}");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), body);
    }
}
