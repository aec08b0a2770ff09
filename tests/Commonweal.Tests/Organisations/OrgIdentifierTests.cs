using Commonweal.Organisations;

namespace Commonweal.Tests.Organisations;

public sealed class OrgIdentifierTests
{
    [Theory]
    [InlineData("GB-CHC", "1123456", "GB-CHC-1123456")]
    [InlineData("GB-CHC", " 212 345 ", "GB-CHC-212345")]
    [InlineData("GB-COH", "1234567", "GB-COH-01234567")]
    [InlineData("GB-COH", "sc123456", "GB-COH-SC123456")]
    [InlineData("GB-NHS", "a81001", "GB-NHS-A81001")]
    [InlineData("GB-NHS", "RWK", "GB-NHS-RWK")]
    [InlineData("GB-SC", "SC012345", "GB-SC-SC012345")]
    [InlineData("GB-NIC", "100123", "GB-NIC-100123")]
    [InlineData("GB-MPR", "30187R", "GB-MPR-30187R")]
    [InlineData("GB-LAE", "twh", "GB-LAE-TWH")]
    public void Create_ValidNumbers_AreNormalised(string scheme, string number, string expected)
    {
        var (identifier, error) = OrgIdentifier.Create(scheme, number);

        Assert.Null(error);
        Assert.Equal(expected, identifier);
    }

    [Theory]
    [InlineData("GB-CHC", "012345")]
    [InlineData("GB-CHC", "12345678")]
    [InlineData("GB-COH", "ZZ123456")]
    [InlineData("GB-COH", "123456789")]
    [InlineData("GB-NHS", "A8")]
    [InlineData("GB-NHS", "A81-001")]
    [InlineData("GB-SC", "123456")]
    [InlineData("GB-LAE", "T1")]
    [InlineData("GB-CHC", "")]
    public void Create_InvalidNumbers_AreRefusedWithTheRegistersFormat(string scheme, string number)
    {
        var (identifier, error) = OrgIdentifier.Create(scheme, number);

        Assert.Null(identifier);
        Assert.NotNull(error);
    }

    [Fact]
    public void Parse_FullIdentifier_ValidatesThePartAfterThePrefix()
    {
        Assert.Equal("GB-COH-01234567", OrgIdentifier.Parse("GB-COH-1234567").Identifier);
        Assert.NotNull(OrgIdentifier.Parse("XI-UNKNOWN-1").Error);
    }

    [Theory]
    [InlineData(LegalForm.CommunityInterestCompany, Sector.Third)]
    [InlineData(LegalForm.UnincorporatedCommunityGroup, Sector.Third)]
    [InlineData(LegalForm.PrivateCompany, Sector.Private)]
    [InlineData(LegalForm.GpPractice, Sector.Public)]
    [InlineData(LegalForm.IntegratedCareBoard, Sector.Public)]
    public void SectorOf_FollowsTheLegalForm(LegalForm form, Sector sector) =>
        Assert.Equal(sector, LegalForms.SectorOf(form));

    [Theory]
    [InlineData("e3 2an", "E3 2AN")]
    [InlineData("EC1A1BB", "EC1A 1BB")]
    [InlineData("not a postcode", null)]
    [InlineData("E3", null)]
    public void Postcode_IsNormalisedOrRefused(string input, string? expected) =>
        Assert.Equal(expected, Postcodes.Normalise(input));
}
