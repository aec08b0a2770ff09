using Commonweal.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Referrals.Concerns;

internal sealed class ConcernConfiguration : IEntityTypeConfiguration<Concern>
{
    public void Configure(EntityTypeBuilder<Concern> builder)
    {
        builder.ToTable("concerns");
        builder.Property(c => c.Id).ValueGeneratedNever();
        // What was seen is personal and often sensitive: the log records the concern, not its text.
        builder.Property(c => c.Description).HasMaxLength(Concern.DescriptionMaxLength).IsAuditRedacted();
        builder.Property(c => c.RaisedBy).HasMaxLength(200);
        builder.Property(c => c.RaisedByOrganisation).HasMaxLength(300);
        // Two people closing at once: the second save finds the concern no longer open and is refused, not overwritten.
        builder.Property(c => c.ClosedAt).IsConcurrencyToken();
        builder.Property(c => c.ClosedBy).HasMaxLength(200);
        builder.Property(c => c.ClosedByOrganisation).HasMaxLength(300);
        // As sensitive as the description: the log records that the concern was closed, not what was done.
        builder.Property(c => c.Outcome).HasMaxLength(Concern.OutcomeMaxLength).IsAuditRedacted();
        builder.HasIndex(c => c.PersonId);
        // The escalation job looks for high-severity concerns not yet escalated.
        builder.HasIndex(c => new { c.Severity, c.EscalatedAt });
        builder.HasOne(c => c.Person).WithMany().HasForeignKey(c => c.PersonId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(c => c.Acknowledgements).WithOne().HasForeignKey(a => a.ConcernId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConcernAcknowledgementConfiguration : IEntityTypeConfiguration<ConcernAcknowledgement>
{
    public void Configure(EntityTypeBuilder<ConcernAcknowledgement> builder)
    {
        builder.ToTable("concern_acknowledgements");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.OrganisationName).HasMaxLength(300);
        builder.Property(a => a.By).HasMaxLength(200);
        // One acknowledgement per organisation: a second lead's click changes nothing.
        builder.HasIndex(a => new { a.ConcernId, a.OrganisationId }).IsUnique();
    }
}
