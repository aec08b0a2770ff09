using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.Seed;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class OutcomeJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    /// <summary>A person registered by a link worker (with consent to care team sharing, not yet to outcome follow-up), referred to a peer support service.</summary>
    private async Task<(Guid PersonId, string LinkWorker)> ArrangeAsync()
    {
        await using var db = site.CreateDbContext();
        var email = $"link-{Guid.NewGuid():N}@commonweal.example";
        var org = await db.Organisations.Where(o => o.Name == "Limehouse Wellbeing CIC").Select(o => o.Id).SingleAsync();
        var user = await ProcurementTestData.CommissionerAsync(db, email, org, MembershipRole.Practitioner);
        var viewer = new Viewer(user.Id, user.DisplayName, false, [(org, MembershipRole.Practitioner)]);
        var person = await new PeopleRegistry(db).RegisterAsync(new PersonDraft
        {
            GivenName = "Winifred", FamilyName = "Achebe", DateOfBirth = new DateOnly(1950, 7, 14), Postcode = "E14 7HA",
            ContactPreference = ContactPreference.Phone, Phone = "020 7946 0999", OrganisationId = org, Role = "Social prescribing link worker",
            Consent = new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Verbal },
        }, viewer);
        Assert.True(person.Succeeded, person.Message);
        var service = await db.Services.Where(s => s.Organisation!.Name == "Poplar Peer Support Network").OrderBy(s => s.Name).FirstAsync();
        db.Referrals.Add(new Referral
        {
            Reference = ReferralReferences.New(), PersonId = person.Value!.Id, ServiceId = service.Id, ReceivingOrganisationId = service.OrganisationId,
            ReferrerUserId = user.Id, ReferrerName = user.DisplayName, Status = ReferralStatus.Accepted, StatusChangedAt = db.Now, CreatedAt = db.Now,
        });
        await db.SaveChangesAsync();
        return (person.Value.Id, email);
    }

    private static async Task AnswerAsync(IPage page, params int[] answers)
    {
        for (var i = 0; i < answers.Length; i++)
        {
            await page.Locator($"input[name='Input.Answers[{i}]'][value='{answers[i]}']").CheckAsync();
        }
    }

    [Fact]
    public async Task Practitioner_RecordsBaselineThenFollowUp_CommissionerComparesServicesAndReadsAPaymentStatement()
    {
        var (personId, linkWorker) = await ArrangeAsync();
        var page = await site.SignedInPageAsync(linkWorker);

        await page.GotoAsync($"/people/{personId}/outcomes");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Outcome questionnaires");
        await page.AssertAccessibleAsync();
        await page.GetByRole(AriaRole.Radio, new() { Name = "The person" }).CheckAsync();
        await page.GetByLabel("Verbal").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Record consent" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Consent to outcome follow-up recorded");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the baseline: ONS personal wellbeing (ONS4)" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await AnswerAsync(page, 3, 4, 3);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the answers" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Question 4");
        await page.AssertAccessibleAsync();
        await AnswerAsync(page, 3, 4, 3, 8);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Baseline answers recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Anxiety: 8 (High)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Record the 3-month follow-up: ONS personal wellbeing (ONS4)" }).ClickAsync();
        await AnswerAsync(page, 6, 7, 6, 4);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the answers" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("3-month follow-up answers recorded");
        await Assertions.Expect(page.Locator("main")).ToContainTextAsync("Life satisfaction: 6 (Medium)");
        await page.AssertAccessibleAsync();

        var commissioner = await site.SignedInPageAsync(DemoAccounts.Commissioner);
        await commissioner.GotoAsync("/outcomes");
        await commissioner.GetByLabel("Need").SelectOptionAsync(new SelectOptionValue { Label = "Mental wellbeing: all" });
        await commissioner.GetByRole(AriaRole.Button, new() { Name = "Compare services" }).ClickAsync();
        await Assertions.Expect(commissioner.Locator("#outcomes-by-service")).ToContainTextAsync("Poplar Peer Support Network");
        await Assertions.Expect(commissioner.Locator("#cost-per-outcome")).ToContainTextAsync("Limehouse Wellbeing CIC");
        await commissioner.AssertAccessibleAsync();

        await commissioner.GotoAsync($"/outcomes/contracts/{DemoAwards.ContractId}");
        await Assertions.Expect(commissioner.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Outcome-linked payment");
        await Assertions.Expect(commissioner.Locator(".cw-working")).ToContainTextAsync("Outcome-linked part");
        await commissioner.AssertAccessibleAsync();
    }
}
