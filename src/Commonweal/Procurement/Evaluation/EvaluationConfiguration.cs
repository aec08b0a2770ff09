using Commonweal.Procurement.Bids;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Commonweal.Procurement.Evaluation;

internal sealed class OpportunityEvaluationConfiguration : IEntityTypeConfiguration<OpportunityEvaluation>
{
    public void Configure(EntityTypeBuilder<OpportunityEvaluation> builder)
    {
        builder.ToTable("opportunity_evaluations");
        // Ids are made in code (version 7), so a new row reached through a navigation is inserted, not updated.
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.Property(e => e.OutcomeLinkedPaymentPercent).HasPrecision(5, 2);
        builder.HasIndex(e => e.OpportunityId).IsUnique();
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class EvaluatorConfiguration : IEntityTypeConfiguration<Evaluator>
{
    public void Configure(EntityTypeBuilder<Evaluator> builder)
    {
        builder.ToTable("evaluators");
        builder.Property(e => e.Id).ValueGeneratedNever();
        builder.HasIndex(e => new { e.OpportunityId, e.UserId }).IsUnique();
        builder.HasIndex(e => e.UserId);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(e => e.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(e => e.User).WithMany().HasForeignKey(e => e.UserId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Declarations).WithOne().HasForeignKey(d => d.EvaluatorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConflictDeclarationConfiguration : IEntityTypeConfiguration<ConflictDeclaration>
{
    public void Configure(EntityTypeBuilder<ConflictDeclaration> builder)
    {
        builder.ToTable("conflict_declarations");
        builder.Property(d => d.Id).ValueGeneratedNever();
        builder.Property(d => d.Description).HasMaxLength(ConflictDeclaration.DescriptionMaxLength);
        builder.HasIndex(d => new { d.EvaluatorId, d.OrganisationId }).IsUnique();
        builder.HasOne(d => d.Organisation).WithMany().HasForeignKey(d => d.OrganisationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvaluatorScoreConfiguration : IEntityTypeConfiguration<EvaluatorScore>
{
    public void Configure(EntityTypeBuilder<EvaluatorScore> builder)
    {
        builder.ToTable("evaluator_scores");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Comment).HasMaxLength(EvaluatorScore.CommentMaxLength);
        builder.HasIndex(s => new { s.BidId, s.CriterionId, s.EvaluatorUserId }).IsUnique();
        builder.HasOne<Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AwardCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ConsensusScoreConfiguration : IEntityTypeConfiguration<ConsensusScore>
{
    public void Configure(EntityTypeBuilder<ConsensusScore> builder)
    {
        builder.ToTable("consensus_scores");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Reason).HasMaxLength(EvaluatorScore.CommentMaxLength);
        builder.HasIndex(s => new { s.BidId, s.CriterionId }).IsUnique();
        builder.HasOne<Bid>().WithMany().HasForeignKey(s => s.BidId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<AwardCriterion>().WithMany().HasForeignKey(s => s.CriterionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AwardLetterConfiguration : IEntityTypeConfiguration<AwardLetter>
{
    public void Configure(EntityTypeBuilder<AwardLetter> builder)
    {
        builder.ToTable("award_letters");
        builder.Property(l => l.Id).ValueGeneratedNever();
        builder.HasIndex(l => l.BidId).IsUnique();
        builder.HasIndex(l => l.OpportunityId);
        builder.HasOne<Bid>().WithMany().HasForeignKey(l => l.BidId).OnDelete(DeleteBehavior.Cascade);
    }
}
