using System.Text;
using Commonweal.Seed;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class PassportJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ProviderAdmin_RecordsInsuranceOnceWithItsCertificate_CorrectingAMistakeOnTheWay()
    {
        var page = await site.SignedInPageAsync(DemoAccounts.ProviderAdmin);

        await page.GetByRole(AriaRole.Link, new() { Name = "Compliance passport" }).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Compliance passport");
        await page.AssertAccessibleAsync();

        await page.Locator("a[href*='kind=EmployersLiabilityInsurance']").ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Insurer").FillAsync("Hackney Mutual");
        await page.GetByLabel("Policy number").FillAsync("EL-2027-118");
        await page.GetByLabel("Cover, in pounds").FillAsync("0");
        await page.GetByLabel("Start date").FillAsync("1/4/2026");
        await page.GetByLabel("Expiry date").FillAsync("31/3/2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByLabel("Cover, in pounds").FillAsync("10000000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Employers' liability insurance added");
        await page.AssertAccessibleAsync();

        await page.Locator("#Upload").SetInputFilesAsync(new FilePayload
        {
            Name = "el-certificate.pdf", MimeType = "application/pdf", Buffer = Encoding.ASCII.GetBytes("%PDF-1.4\n% certificate of employers' liability insurance\n%%EOF\n"),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByText("el-certificate.pdf").First).ToBeVisibleAsync();
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Back" }).ClickAsync();
        var insurance = page.Locator("#EmployersLiabilityInsurance ~ *").Filter(new() { HasText = "EL-2027-118" }).First;
        await Assertions.Expect(insurance).ToContainTextAsync("Hackney Mutual, policy EL-2027-118");
        await Assertions.Expect(insurance).ToContainTextAsync("el-certificate.pdf");
        await page.AssertAccessibleAsync();
    }
}
