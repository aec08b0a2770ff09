using Commonweal.Organisations;
using Commonweal.Procurement;
using Commonweal.Procurement.Ocds;

namespace Commonweal.Tests.Ocds;

public sealed class OcdsPartiesTests
{
    private static Organisation Org(LegalForm form, IncomeBand? band) => new() { Name = form.ToString(), LegalForm = form, IncomeBand = band };

    [Theory]
    [InlineData(LegalForm.RegisteredCharity, IncomeBand.Medium, "sme", true)]
    [InlineData(LegalForm.RegisteredCharity, IncomeBand.SuperMajor, "large", true)]
    [InlineData(LegalForm.CommunityInterestCompany, IncomeBand.Small, "sme", true)]
    [InlineData(LegalForm.PrivateCompany, IncomeBand.Large, "sme", false)]
    [InlineData(LegalForm.PrivateCompany, IncomeBand.Major, "large", false)]
    [InlineData(LegalForm.NhsTrust, IncomeBand.SuperMajor, "large", false)]
    [InlineData(LegalForm.NhsTrust, IncomeBand.Medium, "large", false)]
    [InlineData(LegalForm.GpPractice, IncomeBand.Medium, "sme", false)]
    public void ScaleAndThirdSector_FollowIncomeBandAndLegalForm(LegalForm form, IncomeBand band, string scale, bool thirdSector)
    {
        var organisation = Org(form, band);

        Assert.Equal(scale, OcdsParties.Scale(organisation));
        Assert.Equal(thirdSector, OcdsParties.ThirdSector(organisation));
    }

    [Fact]
    public void UnknownBandOrForm_LeavesThemOut()
    {
        Assert.Null(OcdsParties.Scale(Org(LegalForm.CommunityInterestCompany, null)));
        Assert.Null(OcdsParties.ThirdSector(new Organisation { Name = "Imported" }));
    }

    [Theory]
    [InlineData(ProcurementProcess.CompetitiveProcess, "open")]
    [InlineData(ProcurementProcess.GrantRound, "open")]
    [InlineData(ProcurementProcess.DirectAwardA, "direct")]
    [InlineData(ProcurementProcess.DirectAwardB, "direct")]
    [InlineData(ProcurementProcess.DirectAwardC, "direct")]
    [InlineData(ProcurementProcess.MostSuitableProvider, "limited")]
    public void ProcurementMethod_FollowsTheProcess(ProcurementProcess process, string method) =>
        Assert.Equal(method, OcdsReleaseBuilder.ProcurementMethod(process));

    /// <summary>The schema checks bite: a release with a tag OCDS does not have, inside a package, is refused.</summary>
    [Fact]
    public async Task FixtureSchemas_RefuseAnInvalidRelease_EvenInsideAPackage()
    {
        const string release = """{"ocid":"ocds-x-1","id":"1","date":"2026-01-01T00:00:00Z","tag":["bogus"],"initiationType":"tender","tender":{"id":"t","value":{"amount":1,"currency":"POUNDS"}}}""";
        const string package = $$"""{"uri":"https://example.org/p","version":"1.1","publishedDate":"2026-01-01T00:00:00Z","publisher":{"name":"X"},"releases":[{{release}}]}""";

        Assert.NotEmpty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.Release, release));
        Assert.NotEmpty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, package));
        Assert.NotEmpty(await OcdsSchemas.ErrorsAsync(OcdsSchemas.ReleasePackage, package.Replace("2026-01-01T00:00:00Z\",\"publisher", "yesterday\",\"publisher", StringComparison.Ordinal)));
    }
}
