using System.Net;
using Commonweal.Seed;
using Commonweal.TestSupport;

namespace Commonweal.Tests.Accounts;

public sealed class SignInTests(CommonwealFactory factory) : IClassFixture<CommonwealFactory>
{
    [Theory]
    [InlineData(DemoAccounts.Commissioner, "Commissioning")]
    [InlineData(DemoAccounts.Evaluator, "Evaluation")]
    [InlineData(DemoAccounts.ProviderAdmin, "Your organisation")]
    [InlineData(DemoAccounts.Practitioner, "Practitioner")]
    [InlineData(DemoAccounts.PlatformAdmin, "Platform administration")]
    public async Task SignIn_AsEachDemoRole_ShowsThatRolesHome(string email, string section)
    {
        var client = await factory.SignedInClientAsync(email);

        var home = await client.GetDocumentAsync("/");

        var headings = home.QuerySelectorAll("main h2").Select(h => h.TextContent.Trim()).ToList();
        Assert.Contains(section, headings);
        Assert.StartsWith("Welcome,", home.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_WithWrongPassword_IsRefusedWithoutSayingWhichPartWasWrong()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = DemoAccounts.Commissioner, ["Input.Password"] = "not-the-password" });
        var page = await Forms.ParseAsync(response);

        Assert.Contains("Enter a correct email address and password", page.ErrorSummary());
        var home = await client.GetDocumentAsync("/");
        Assert.DoesNotContain("Welcome", home.QuerySelector("h1")!.TextContent);
    }

    [Fact]
    public async Task SignIn_WithEmptyFields_NamesEachField()
    {
        var client = factory.CreateBrowserClient();

        var response = await client.SubmitAsync("/sign-in", new Dictionary<string, string> { ["Input.Email"] = "", ["Input.Password"] = "" });
        var page = await Forms.ParseAsync(response);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var summary = page.ErrorSummary();
        Assert.Contains("Enter your email address", summary);
        Assert.Contains("Enter your password", summary);
        Assert.NotNull(page.QuerySelector("a[href='#Input_Email']"));
    }

    [Fact]
    public async Task SignOut_ByGet_DoesNotSignOut()
    {
        var client = await factory.SignedInClientAsync(DemoAccounts.Commissioner);

        await client.GetAsync("/sign-out", TestContext.Current.CancellationToken);

        var home = await client.GetDocumentAsync("/");
        Assert.StartsWith("Welcome,", home.QuerySelector("h1")!.TextContent.Trim());
    }

    [Fact]
    public async Task AnonymousRequest_ToASignedInPage_IsSentToSignIn()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/organisations/mine", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/sign-in", response.Headers.Location!.PathAndQuery);
    }
}
