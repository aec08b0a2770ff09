using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Referrals.CarePlans;

internal static class CarePlanItemConfiguration
{
    public static void ConfigureItem<T>(this EntityTypeBuilder<T> builder, string table) where T : CarePlanItem
    {
        builder.ToTable(table);
        builder.Property(i => i.Id).ValueGeneratedNever();
        builder.Property(i => i.UpdatedBy).HasMaxLength(200);
        builder.Property(i => i.UpdatedByOrganisation).HasMaxLength(300);
        builder.HasIndex(i => i.PersonId);
        builder.HasOne<Person>().WithMany().HasForeignKey(i => i.PersonId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarePlanGoalConfiguration : IEntityTypeConfiguration<CarePlanGoal>
{
    public void Configure(EntityTypeBuilder<CarePlanGoal> builder)
    {
        builder.ConfigureItem("care_plan_goals");
        // The person's own words are personal data: the log records that a goal changed, not what it says.
        builder.Property(g => g.Text).HasMaxLength(CarePlanGoal.TextMaxLength).IsAuditRedacted();
    }
}

internal sealed class CarePlanActionConfiguration : IEntityTypeConfiguration<CarePlanAction>
{
    public void Configure(EntityTypeBuilder<CarePlanAction> builder)
    {
        builder.ConfigureItem("care_plan_actions");
        builder.Property(a => a.Description).HasMaxLength(CarePlanAction.DescriptionMaxLength).IsAuditRedacted();
        builder.HasOne(a => a.OwnerOrganisation).WithMany().HasForeignKey(a => a.OwnerOrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CarePlanReviewConfiguration : IEntityTypeConfiguration<CarePlanReview>
{
    public void Configure(EntityTypeBuilder<CarePlanReview> builder)
    {
        builder.ConfigureItem("care_plan_reviews");
        builder.Property(r => r.Notes).HasMaxLength(CarePlanReview.NotesMaxLength).IsAuditRedacted();
    }
}
