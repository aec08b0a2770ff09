using Commonweal.Referrals;
using Commonweal.TestSupport;
using Commonweal.Tests.Referrals.Fhir;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Microsoft.EntityFrameworkCore;
using Task = System.Threading.Tasks.Task;

namespace Commonweal.Tests.Cli;

public sealed class ReferralCliTests(MigratedDatabase database) : IClassFixture<MigratedDatabase>, IDisposable
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("commonweal-fhir-cli-").FullName;

    [Fact]
    public async Task ExportReferral_WritesTheBundleToStandardOutputAndAuditsTheRead()
    {
        var scenario = await FhirScenario.CreateAsync(database.Database);

        var run = await CliHarness.RunAsync(database.Database, "export", "referral", scenario.Referral.Id.ToString());

        Assert.Equal(0, run.ExitCode);
        var bundle = new FhirJsonDeserializer(new DeserializerSettings()).Deserialize<Bundle>(run.Output);
        Assert.Equal(scenario.Referral.Id.ToString(), bundle.Entry.Select(e => e.Resource).OfType<ServiceRequest>().Single().Id);
        await using var db = database.Database.CreateContext();
        var read = await db.AuditEvents.SingleAsync(e => e.Action == PersonRecords.ReadAction && e.EntityId == scenario.Person.Id.ToString() && e.Summary.Contains("CLI export"), Ct);
        Assert.StartsWith("cli:", read.Actor);
    }

    [Fact]
    public async Task ImportReferral_PrintsTheNewIdThenTheSameIdForTheSameMessage()
    {
        var scenario = await FhirScenario.CreateAsync(database.Database);
        var exported = await CliHarness.RunAsync(database.Database, "export", "referral", scenario.Referral.Id.ToString());
        var file = Path.Combine(folder, "referral.json");
        await File.WriteAllTextAsync(file, exported.Output, Ct);

        var first = await CliHarness.RunAsync(database.Database, "import", "referral", file);
        var second = await CliHarness.RunAsync(database.Database, "import", "referral", file);

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        var id = Guid.Parse(Assert.Single(first.Lines));
        Assert.Equal(id, Guid.Parse(Assert.Single(second.Lines)));
        await using var db = database.Database.CreateContext();
        var referral = await db.Referrals.SingleAsync(r => r.Id == id, Ct);
        Assert.Equal((ReferralSource.Fhir, scenario.Person.Id, scenario.Service.Id), (referral.Source, referral.PersonId, referral.ServiceId));
        Assert.Contains("operator cli:", (await db.ReferralTransitions.SingleAsync(t => t.ReferralId == id, Ct)).By);
    }

    [Fact]
    public async Task ImportReferral_BadBundle_ExitsOneNamingThePathAndWritesNothing()
    {
        var file = Path.Combine(folder, "bad.json");
        await File.WriteAllTextAsync(file, """{"resourceType":"Bundle","type":"collection"}""", Ct);
        await using var db = database.Database.CreateContext();
        var before = await db.Referrals.CountAsync(Ct);

        var run = await CliHarness.RunAsync(database.Database, "import", "referral", file);
        var missing = await CliHarness.RunAsync(database.Database, "import", "referral", Path.Combine(folder, "missing.json"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Bundle.type", run.Output);
        Assert.Contains("Nothing was written", run.Output);
        Assert.Equal(before, await db.Referrals.CountAsync(Ct));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("does not exist", missing.Output);
    }

    [Fact]
    public async Task ExportReferral_UnknownOrMalformedId_ExitsOne()
    {
        var unknown = await CliHarness.RunAsync(database.Database, "export", "referral", Guid.NewGuid().ToString());
        var malformed = await CliHarness.RunAsync(database.Database, "export", "referral", "R-7KQ2-M9XD");

        Assert.Equal((1, 1), (unknown.ExitCode, malformed.ExitCode));
        Assert.Contains("No referral has the id", unknown.Output);
        Assert.Contains("not a referral id", malformed.Output);
    }

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);
}
