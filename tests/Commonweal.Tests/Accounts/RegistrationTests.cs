using Commonweal.Accounts;
using Commonweal.Organisations;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Commonweal.Tests.Accounts;

public sealed class RegistrationTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    private static Dictionary<string, string> Organisation(string name, string scheme = "GB-CHC", string number = "1187654") => new()
    {
        ["Input.Name"] = name,
        ["Input.LegalForm"] = nameof(LegalForm.CharitableIncorporatedOrganisation),
        ["Input.IdentifierScheme"] = scheme,
        ["Input.IdentifierNumber"] = number,
        ["Input.Activities"] = Forms.Many(nameof(Activities.DirectServiceProvider), nameof(Activities.PeerSupport)),
        ["Input.IncomeBand"] = nameof(IncomeBand.Small),
        ["Input.Volunteers"] = "12",
        ["Input.Postcode"] = "e3 2an",
    };

    private static Dictionary<string, string> Account(string email) => new()
    {
        ["Input.DisplayName"] = "Ada Lovelace",
        ["Input.Email"] = email,
        ["Input.Password"] = "Correct-Horse-42",
        ["Input.ConfirmPassword"] = "Correct-Horse-42",
    };

    [Fact]
    public async Task Register_NewOrganisationAndUser_CreatesBothWithTheUserAsAdmin()
    {
        var client = factory.CreateBrowserClient();

        var step1 = await client.SubmitAsync("/register", Organisation("Bow Allotment Friends"));
        var check = await Forms.ParseAsync(step1);
        Assert.Contains("GB-CHC-1187654", check.QuerySelector(".nhsuk-summary-list")!.TextContent);
        var done = await Forms.ParseAsync(await client.SubmitAsync("/register/account", Account("ada@bow-allotments.example")));

        Assert.Equal("Bow Allotment Friends", done.QuerySelector("h1")!.TextContent.Trim());
        await using var db = factory.CreateDbContext();
        var organisation = await db.Organisations.SingleAsync(o => o.Identifier == "GB-CHC-1187654", TestContext.Current.CancellationToken);
        Assert.Equal(Sector.Third, organisation.Sector);
        Assert.Equal("E3 2AN", organisation.Postcode);
        Assert.Equal(Activities.DirectServiceProvider | Activities.PeerSupport, organisation.Activities);
        var membership = await db.Memberships.Include(m => m.User).SingleAsync(m => m.OrganisationId == organisation.Id, TestContext.Current.CancellationToken);
        Assert.Equal(MembershipRole.Admin, membership.Role);
        Assert.Equal("ada@bow-allotments.example", membership.User!.Email);
        Assert.True(await db.AuditEvents.AnyAsync(e => e.Action == "Organisation.Created" && e.EntityId == organisation.Id.ToString(), TestContext.Current.CancellationToken));
    }

    [Theory]
    [InlineData("GB-CHC", "12AB", "Input.IdentifierNumber", "Enter a valid Charity Commission for England and Wales number")]
    [InlineData("GB-COH", "XX123456", "Input.IdentifierNumber", "Enter a valid Companies House number")]
    [InlineData("GB-NHS", "A8-1001", "Input.IdentifierNumber", "Enter a valid NHS Organisation Data Service (ODS) number")]
    [InlineData("GB-XYZ", "123", "Input.IdentifierScheme", "Select the register the organisation is on")]
    public async Task Register_InvalidIdentifier_NamesTheField(string scheme, string number, string field, string message)
    {
        var client = factory.CreateBrowserClient();

        var page = await Forms.ParseAsync(await client.SubmitAsync("/register", Organisation("Invalid Identifier Group", scheme, number)));

        Assert.Contains(message, page.ErrorSummary());
        Assert.NotNull(page.QuerySelector($"a[href='#{field.Replace('.', '_')}']"));
    }

    [Fact]
    public async Task Register_IdentifierAlreadyOnCommonweal_IsRefused()
    {
        var client = factory.CreateBrowserClient();

        // Bow Community Kitchen, from the demo area.
        var page = await Forms.ParseAsync(await client.SubmitAsync("/register", Organisation("Copycat Kitchen", "GB-CHC", "1190002")));

        Assert.Contains("An organisation registered as GB-CHC-1190002 is already on Commonweal", page.ErrorSummary());
    }

    [Fact]
    public async Task Register_OverLongNameAndBadPostcode_NamesBothFields()
    {
        var client = factory.CreateBrowserClient();
        var fields = Organisation(new string('x', 201), "GB-CHC", "1187000");
        fields["Input.Postcode"] = "NOT A POSTCODE";

        var page = await Forms.ParseAsync(await client.SubmitAsync("/register", fields));

        Assert.Contains("Name must be 200 characters or fewer", page.ErrorSummary());
        Assert.Contains("Enter a real postcode", page.ErrorSummary());
    }

    [Fact]
    public async Task Register_WithAnEmailThatHasAnAccount_IsRefusedAndWritesNothing()
    {
        var client = factory.CreateBrowserClient();
        await client.SubmitAsync("/register", Organisation("Second Account Society", "GB-CHC", "1187111"));

        var page = await Forms.ParseAsync(await client.SubmitAsync("/register/account", Account(DemoAccounts.Practitioner)));

        Assert.Contains("An account with this email address already exists", page.ErrorSummary());
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Organisations.AnyAsync(o => o.Identifier == "GB-CHC-1187111", TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Register_WithAWeakPassword_IsRefusedAndWritesNothing()
    {
        var client = factory.CreateBrowserClient();
        await client.SubmitAsync("/register", Organisation("Weak Password Club", "GB-CHC", "1187222"));
        var account = Account("weak@example.org");
        account["Input.Password"] = account["Input.ConfirmPassword"] = "short";

        var page = await Forms.ParseAsync(await client.SubmitAsync("/register/account", account));

        Assert.NotNull(page.ErrorSummary());
        Assert.NotNull(page.QuerySelector("a[href='#Input_Password']"));
        await using var db = factory.CreateDbContext();
        Assert.False(await db.Organisations.AnyAsync(o => o.Identifier == "GB-CHC-1187222", TestContext.Current.CancellationToken));
        Assert.False(await db.Users.AnyAsync(u => u.Email == "weak@example.org", TestContext.Current.CancellationToken));
    }
}
