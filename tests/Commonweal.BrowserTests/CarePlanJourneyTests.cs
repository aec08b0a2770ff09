using Commonweal.Accounts;
using Commonweal.Referrals;
using Commonweal.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Commonweal.BrowserTests;

public sealed class CarePlanJourneyTests(BrowserFixture site) : IClassFixture<BrowserFixture>
{
    private sealed record Team(Guid PersonId, string LinkWorker, string SafeguardingLead);

    /// <summary>A person registered by a GP with consent, a link worker and a council social worker on the team, and the council's safeguarding lead.</summary>
    private async Task<Team> ArrangeAsync()
    {
        await using var db = site.CreateDbContext();
        async Task<(string Email, Viewer Viewer, Guid Organisation)> User(string organisation, MembershipRole role, string label)
        {
            var email = $"{label}-{Guid.NewGuid():N}@commonweal.example";
            var org = await db.Organisations.Where(o => o.Name == organisation).Select(o => o.Id).SingleAsync();
            var user = await ProcurementTestData.CommissionerAsync(db, email, org, role);
            return (email, new Viewer(user.Id, user.DisplayName, false, [(org, role)]), org);
        }

        var gp = await User("Bow Road Surgery", MembershipRole.Practitioner, "gp");
        var link = await User("Limehouse Wellbeing CIC", MembershipRole.Practitioner, "link");
        var social = await User("London Borough of Tower Hamlets", MembershipRole.Practitioner, "social");
        var lead = await User("London Borough of Tower Hamlets", MembershipRole.SafeguardingLead, "dsl");
        var person = await new PeopleRegistry(db).RegisterAsync(new PersonDraft
        {
            GivenName = "Dorothy", FamilyName = "Pemberton", DateOfBirth = new DateOnly(1941, 11, 30), Postcode = "E14 3BA",
            ContactPreference = ContactPreference.Letter, OrganisationId = gp.Organisation, Role = "GP",
            Consent = new ConsentInput { GivenBy = ConsentGivenBy.Person, Method = ConsentMethod.Written },
        }, gp.Viewer);
        Assert.True(person.Succeeded, person.Message);
        var teams = new CareTeams(db, new PersonRecords(db));
        Assert.True((await teams.AddAsync(person.Value!.Id, link.Email, link.Organisation, "Social prescribing link worker", gp.Viewer)).Succeeded);
        Assert.True((await teams.AddAsync(person.Value.Id, social.Email, social.Organisation, "Social worker", gp.Viewer)).Succeeded);
        return new Team(person.Value.Id, link.Email, lead.Email);
    }

    [Fact]
    public async Task LinkWorker_AddsGoalAndAction_RaisesAConcern_TheSafeguardingLeadAcknowledgesIt_AndTheLinkWorkerClosesIt()
    {
        var team = await ArrangeAsync();
        var page = await site.SignedInPageAsync(team.LinkWorker);

        await page.GotoAsync($"/people/{team.PersonId}/care-plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Shared care plan");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a goal" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the goal" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the goal");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Goal").FillAsync("I want to go back to the pensioners' lunch club");
        await page.GetByLabel("Active").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the goal" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Goal added to the plan");
        await Assertions.Expect(page.Locator(".cw-goals")).ToContainTextAsync("I want to go back to the pensioners' lunch club");

        await page.GetByRole(AriaRole.Link, new() { Name = "Add an action" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("What will be done").FillAsync("Arrange community transport on Tuesdays");
        await page.GetByLabel("Owner").SelectOptionAsync(new SelectOptionValue { Label = "London Borough of Tower Hamlets" });
        await page.GetByLabel("Due date (optional)").FillAsync("3/3/2027");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the action" }).ClickAsync();
        await Assertions.Expect(page.Locator(".cw-actions")).ToContainTextAsync("London Borough of Tower Hamlets");
        await Assertions.Expect(page.Locator(".cw-actions")).ToContainTextAsync("3 March 2027");
        await page.AssertAccessibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Raise a concern about Dorothy Pemberton" }).ClickAsync();
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Safeguarding").CheckAsync();
        await page.GetByLabel("High").CheckAsync();
        await page.GetByLabel("What is the concern?").FillAsync("Unexplained bruises; says her grandson takes her bank card");
        await page.GetByRole(AriaRole.Button, new() { Name = "Raise the concern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("High severity safeguarding concern");
        await page.AssertAccessibleAsync();

        var lead = await site.SignedInPageAsync(team.SafeguardingLead);
        await lead.GetByRole(AriaRole.Link, new() { Name = "Concerns", Exact = true }).First.ClickAsync();
        await Assertions.Expect(lead.Locator(".cw-concerns")).ToContainTextAsync("Dorothy Pemberton");
        await lead.AssertAccessibleAsync();
        await lead.Locator(".cw-concerns tr", new() { HasText = "Dorothy Pemberton" }).GetByRole(AriaRole.Link).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Acknowledge the concern" }).ClickAsync();
        await Assertions.Expect(lead.GetByRole(AriaRole.Status)).ToContainTextAsync("Concern acknowledged");
        await Assertions.Expect(lead.Locator(".cw-acknowledgements")).ToContainTextAsync("By dsl-");
        await lead.AssertAccessibleAsync();

        // Back on the plan, the link worker's banner shows who has acknowledged and who has not.
        await page.GotoAsync($"/people/{team.PersonId}/care-plan");
        await Assertions.Expect(page.Locator(".cw-concern-banner")).ToContainTextAsync("Acknowledged by London Borough of Tower Hamlets");
        await Assertions.Expect(page.Locator(".cw-concern-banner")).ToContainTextAsync("Not yet acknowledged by");
        await page.AssertAccessibleAsync();

        // Once dealt with, the link worker closes it with what was done, and it leaves the banner.
        await page.Locator(".cw-concern-banner").GetByRole(AriaRole.Link, new() { Name = "High severity safeguarding concern" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the concern" }).ClickAsync();
        await Assertions.Expect(page.Locator(".nhsuk-error-summary")).ToContainTextAsync("Enter the outcome");
        await page.AssertAccessibleAsync();
        await page.GetByLabel("Outcome").FillAsync("Adult social care visited; her bank card is back and the bank has put a carer's card in place");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close the concern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Concern closed");
        await Assertions.Expect(page.Locator(".nhsuk-summary-list")).ToContainTextAsync("her bank card is back");
        await page.AssertAccessibleAsync();

        await page.GotoAsync($"/people/{team.PersonId}/care-plan");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Shared care plan");
        await Assertions.Expect(page.Locator(".cw-concern-banner")).ToHaveCountAsync(0);
        await page.AssertAccessibleAsync();
    }
}
