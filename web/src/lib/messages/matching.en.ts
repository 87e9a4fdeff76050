// English for the matching pages. Typed against matching.zh-CN: a missing or extra key does not compile.
import type zh from './matching.zh-CN';

const matching: Record<keyof typeof zh, string> = {
  'matching.subtitle':
    'Place whole cohorts of students into internship or job posts at once: checkable results, an explanation for every student.',
  'matching.subtitleSchool':
    "Place your school's students into internship or job posts: checkable results, an explanation for every student.",
  'matching.create': 'New matching',
  'matching.createOnlySchools':
    "Matching places schools' students: only the consortium secretariat and school administrators can start one.",
  'matching.compare': 'Compare',
  'matching.compareSelected': 'Compare the two selected',
  'matching.selectHint': 'Tick two finished runs to compare their results side by side.',
  'matching.selectRun': 'Select “{name}” for comparison',
  'matching.empty': 'No matching runs yet.',
  'matching.emptyCanCreate': 'No matching runs yet. Start one to place students into posts.',
  'matching.open': 'Open',
  'matching.delete': 'Delete',
  'matching.deleteTitle': 'Delete the run “{name}”?',
  'matching.deleteText': 'Its results and explanations are removed. Offers already made are not affected.',
  'matching.deleted': 'Run “{name}” deleted',
  'matching.deleteConfirmed': 'A confirmed run cannot be deleted: its results became offers.',
  'matching.deleteActive': 'A run being computed cannot be deleted; wait until it finishes.',
  'matching.deleteRefused': 'This run is confirmed or still being computed: it cannot be deleted.',
  'matching.close': 'Close',
  'matching.backToList': 'Back to runs',
  'matching.notFound': 'This run does not exist, or you may not see it.',
  'matching.export': 'Export to Excel',
  'matching.exportName': 'matching-results',
  'matching.placeFirstShort': 'most placed first',
  'matching.ms': '{n} ms',
  'matching.progressLabel': 'Progress {n}%',
  'matching.createdLine': 'started by {name} at {time}',
  'matching.failed': 'The run failed',
  'matching.failedInterrupted': 'The server stopped while this run was computed: it did not finish.',
  'matching.failedHelp': 'You can change the parameters and start again; this failed run can be deleted.',
  'matching.noStudents':
    'No students to match in this scope: check the schools, majors, graduation year and kinds, and whether students consented to share their profile.',
  'matching.warnings': '{n} notices',
  'matching.warning.EMPLOYEES_UNKNOWN':
    '{name}: no employee count, so the cap of interns at {n}% of employees cannot be applied.',

  'matching.confirmedAt': 'Confirmed at {time}: the placements were sent to the students as offers.',
  'matching.confirmedOutcome': 'Confirmed: {offered} offers made, {skipped} placements skipped.',
  'matching.confirmedHelp':
    'The students are notified and can accept or decline the offer in their applications. A confirmed run cannot be confirmed again or deleted.',

  'matching.col.name': 'Name',
  'matching.col.mode': 'Mode',
  'matching.col.kind': 'Post kind',
  'matching.col.status': 'Status',
  'matching.col.placed': 'Placed / students',
  'matching.col.created': 'Started by / at',

  'matching.status.queued': 'Queued',
  'matching.status.running': 'Running',
  'matching.status.done': 'Done',
  'matching.status.failed': 'Failed',
  'matching.status.confirmed': 'Confirmed',

  'matching.mode.optimal': 'Optimal',
  'matching.mode.stable': 'Stable',
  'matching.mode.optimal.help':
    "Maximises the students' total fit; a few students may miss a post they prefer that still has room.",
  'matching.mode.stable.help':
    'Students apply in their order of preference (student-proposing deferred acceptance): no student and post would both rather be together.',

  'matching.kind.internship': 'Internship',
  'matching.kind.job': 'Job',

  'matching.cohort.kind.student': 'Students',
  'matching.cohort.kind.graduate': 'Graduates',
  'matching.cohort.kind.worker': 'Adult learners',

  'matching.phase.building': 'Gathering data',
  'matching.phase.solving': 'Solving',
  'matching.phase.explaining': 'Explaining',
  'matching.phase.saving': 'Saving',
  'matching.phase.waiting': 'Waiting to start',

  'matching.progress.queued': 'Queued',
  'matching.progress.running': 'Computing',
  'matching.progress.queuedHelp':
    'Runs are computed one at a time; this one starts when those before it finish. This page refreshes by itself.',
  'matching.progress.phaseNow': 'Now: {phase} ({n}%). This page refreshes every second.',

  'matching.weight.sameMajor': 'Same major',
  'matching.weight.sameMajor.help': "The student's major is one the post accepts (same 6-digit code).",
  'matching.weight.sameClass': 'Same major class',
  'matching.weight.sameClass.help': "The post accepts the student's major class (same first 4 digits).",
  'matching.weight.sameGroup': 'Same major group',
  'matching.weight.sameGroup.help': "The post accepts the student's major group (same first 2 digits).",
  'matching.weight.crosswalk': 'Major fits industry',
  'matching.weight.crosswalk.help':
    "The major–industry crosswalk links the student's major to the enterprise's industry.",
  'matching.weight.level': 'Education level',
  'matching.weight.level.help': "The post names the student's level among those it accepts.",
  'matching.weight.wish': 'Wish',
  'matching.weight.wish.help':
    'Full points when the student ranked the post first; later wishes get proportionally less.',
  'matching.weight.locality': 'Nearby',
  'matching.weight.locality.help':
    "Full points when the post is in the student's home district; half in the same city.",

  'matching.form.title': 'New matching',
  'matching.form.start': 'Start matching',
  'matching.form.started': 'The run “{name}” is being computed',
  'matching.form.defaultName': '{kind} matching ({mode}) {time}',
  'matching.form.name': 'Name',
  'matching.form.nameRequired': 'Enter a name for the run',
  'matching.form.nameMax': 'At most 60 characters',
  'matching.form.mode': 'Mode',
  'matching.form.placeFirst': 'Place as many students as possible first',
  'matching.form.placeFirstHelp':
    'First give a post to as many students as possible, then maximise the total fit.',
  'matching.form.postingKind': 'Post kind',
  'matching.form.cohortSection': 'Students',
  'matching.form.schools': 'Schools',
  'matching.form.schoolsAll': 'All schools',
  'matching.form.schoolsHelp': 'Leave empty to include the students of every school of the consortium.',
  'matching.form.schoolsFixed': "A school administrator matches the school's own students only.",
  'matching.form.majors': 'Majors',
  'matching.form.majorsHelp':
    'A major group (2 digits), a major class (4 digits) or a major (6 digits); leave empty for any major.',
  'matching.form.majorsPlaceholder': 'Any major; search by code or name',
  'matching.form.majorsNone': 'No major in the catalogue matches',
  'matching.form.majorTyped': 'Code prefix {code}',
  'matching.form.graduationYear': 'Graduation year',
  'matching.form.graduationYearHelp': 'By expected graduation; leave empty for any year.',
  'matching.form.any': 'Any',
  'matching.form.kinds': 'Kinds of students',
  'matching.form.kindsRequired': 'Choose at least one kind of student',
  'matching.form.consentNote':
    'Students who did not consent to share their profile are left out; the result counts them.',
  'matching.form.postingsSection': 'Posts',
  'matching.form.postingScope': 'Posts included',
  'matching.form.postingsAll': 'Every open {kind} post ({n} now: published, before the deadline)',
  'matching.form.postingsAllPlain': 'Every open {kind} post (published, before the deadline)',
  'matching.form.postingsSome': 'Only the posts I choose',
  'matching.form.postings': 'Chosen posts',
  'matching.form.postingsPlaceholder': 'Search by title, requirements or skills',
  'matching.form.postingsNone': 'No open post matches',
  'matching.form.postingsRequired': 'Choose at least one post',
  'matching.form.postingLine': '{unit} · {n} openings · deadline {deadline}',
  'matching.form.weightsSection': 'Score weights',
  'matching.form.weightsHelp':
    "A student's fit to a post = major points (the highest of same major, class, group, or major fits industry) + level + wish + nearby.",
  'matching.form.weightsReset': 'Reset to defaults',
  'matching.form.weightExtra': '{help} Default {n}.',
  'matching.form.weightRequired': 'Enter points (0–1000)',
  'matching.form.points': 'pts',
  'matching.form.capsSection': 'Internship caps',
  'matching.form.capsRule':
    'From the Regulations on Internships of Vocational School Students (职业学校学生实习管理规定)',
  'matching.form.capsRuleText':
    "A host takes interns up to 10% of its on-post employees, and a post up to 20% of that post's staff. Interns who already accepted an offer count against the caps.",
  'matching.form.capsJobs':
    'These caps apply to internships only; job matching follows each post’s openings.',
  'matching.form.hostRatio': 'Interns per enterprise, at most',
  'matching.form.hostRatioHelp':
    "Share of the enterprise's on-post employees; an enterprise without an employee count cannot be capped.",
  'matching.form.postRatio': 'Interns per post, at most',
  'matching.form.postRatioHelp': "Share of the post's staff (when the post gives its staff count).",
  'matching.form.capRequired': 'Enter a percentage (0–100%)',
  'matching.form.capAboveRule': 'Above the regulation’s {n}%: make sure this is justified',
  'matching.form.otherSection': 'Other',
  'matching.form.maxPosts': 'Posts considered per student, at most',
  'matching.form.maxPostsHelp':
    "Each student's N best-fitting posts by score (posts the student applied to are always kept); default {n}. Larger is more exact and slower.",
  'matching.form.maxPostsRequired': 'Enter a whole number from 1 to 200',

  'matching.issue.OTHER_SCHOOL': "A school administrator matches the school's own students only",
  'matching.issue.UNKNOWN_POSTING': 'Some chosen posts no longer exist; choose again',
  'matching.issue.OTHER_KIND': 'Some chosen posts are of the other kind; choose again',
  'matching.issue.OPTIMAL_ONLY':
    '“Place as many students as possible first” applies to the optimal mode only',

  'matching.stat.students': 'Students',
  'matching.stat.studentsHelp': 'Students in scope who consented to share their profile and took part.',
  'matching.stat.studentsFooter': '{posts} posts · {enterprises} enterprises · {edges} possible pairs',
  'matching.stat.posts': 'Posts',
  'matching.stat.placed': 'Placed',
  'matching.stat.objective': 'Total fit',
  'matching.stat.objectiveHelpOptimal':
    'The sum of the placed students’ scores: the optimal mode makes it as large as possible.',
  'matching.stat.objectiveHelpStable':
    'The sum of the placed students’ scores (not the aim of stable matching; useful to compare with an optimal run).',
  'matching.stat.averageScore': 'Average score',
  'matching.stat.averageScoreHelp': 'The average score of the placed students.',
  'matching.stat.averageWishRank': 'Average wish rank',
  'matching.stat.averageWishRankHelp':
    'Among students placed on a post they applied to: the average rank of that post among their wishes (1 = first wish; lower is better).',
  'matching.stat.gotFirstWish': 'Got their first wish',
  'matching.stat.ofPlaced': '{share} of those placed',
  'matching.stat.noConsent': 'Left out: no consent',
  'matching.stat.noConsentHelp':
    'Students in scope who did not consent to share their profile: they took no part.',
  'matching.stat.ineligible': 'No post they may take',
  'matching.stat.ineligibleHelp':
    'Students whose major or level meets the requirements of no post in the run.',
  'matching.stat.solveMs': 'Solve time',

  'matching.breakdown.title': 'Breakdown',
  'matching.breakdown.bySchool': 'By school ({n})',
  'matching.breakdown.byMajor': 'By major ({n})',
  'matching.breakdown.byEnterprise': 'By enterprise ({n})',
  'matching.breakdown.bySchoolChart': 'Students and placed students by school',
  'matching.breakdown.byMajorChart': 'Students and placed students by major',
  'matching.breakdown.byEnterpriseChart': 'Capacity and placed students by enterprise',
  'matching.breakdown.capacity': 'Capacity',
  'matching.breakdown.capacityNote':
    'Capacity after openings, accepted offers and internship caps: {capacity} in all, {placed} placed.',
  'matching.breakdown.rate': 'Placed share',
  'matching.breakdown.fill': 'Capacity used',
  'matching.breakdown.chartTop': 'The chart shows the largest {n} of {total}; the table below has them all.',
  'matching.breakdown.none': 'No data',

  'matching.result.title': 'Results by student',
  'matching.result.help': 'Expand a row to see why the student did not get a post they preferred',
  'matching.result.name': 'Name',
  'matching.result.school': 'School',
  'matching.result.major': 'Major',
  'matching.result.enterprise': 'Enterprise',
  'matching.result.posting': 'Post obtained',
  'matching.result.unplaced': 'Not placed',
  'matching.result.score': 'Score',
  'matching.result.wish': 'Wish',
  'matching.result.wishRank': 'Wish #{n}',
  'matching.result.notAWish': 'Not a wish',
  'matching.result.preferred': 'Preferred posts',
  'matching.result.preferredN': '{n}: see why',
  'matching.result.all': 'All',
  'matching.result.placedOnly': 'Placed',
  'matching.result.unplacedOnly': 'Not placed',
  'matching.result.placedFilter': 'Placed or not',
  'matching.result.allSchools': 'All schools',
  'matching.result.allEnterprises': 'All enterprises',
  'matching.result.search': 'Search by student name',
  'matching.result.empty': 'This run has no students',

  'matching.reason.post_full': 'Post full',
  'matching.reason.enterprise_full': 'Enterprise full',
  'matching.reason.lower_total': 'Placed elsewhere',
  'matching.reason.not_eligible': 'Not eligible',
  'matching.why.lowest': 'the lowest admitted is {name} (priority {priority})',
  'matching.why.postFull': 'The post is full: {lowest}',
  'matching.why.postNoRoom': 'The post has no room left: its openings are taken by accepted offers.',
  'matching.why.postNoRoomInternship':
    "The post has no room left: its openings are taken, or interns already reach {n}% of the post's staff.",
  'matching.why.hostFull': "The enterprise's intern cap is reached ({n}%)",
  'matching.why.enterpriseFull': 'The enterprise is full',
  'matching.why.withLowest': '{head}: {lowest}',
  'matching.why.lowerTotal':
    'The optimum placed the student elsewhere: the post and its enterprise had room, but the total fit is higher this way.',
  'matching.why.notEligible': "Not eligible: the major or level is outside the post's requirements.",
  'matching.why.gotBest': 'The student got the post they preferred most.',
  'matching.why.nothingEligible': 'There is no post this student may take.',
  'matching.why.introPlaced':
    "In the student's order of preference (their wishes first, then by score), these {n} posts come before the one obtained:",
  'matching.why.introUnplaced':
    'The student was not placed. In their order of preference (wishes first, then by score), the {n} posts they could take:',
  'matching.why.priorityNote':
    "Priority: how a post ranks students, that is the student's score for the post.",

  'matching.compare.title': 'Compare two runs',
  'matching.compare.pickA': 'Choose run A',
  'matching.compare.pickB': 'Choose run B',
  'matching.compare.swap': 'Swap A and B',
  'matching.compare.pick': 'Choose two finished runs.',
  'matching.compare.same': 'Choose two different runs.',
  'matching.compare.needTwo': 'At least two finished runs are needed to compare.',
  'matching.compare.otherKinds': 'The two runs match different kinds of posts: compare with care.',
  'matching.compare.metric': 'Measure',
  'matching.compare.overlap': 'Students in both runs: {n}',
  'matching.compare.samePost': 'On the same post',
  'matching.compare.movedPost': 'Placed in both, on different posts',
  'matching.compare.onlyPlacedInA': 'Placed in A only',
  'matching.compare.onlyPlacedInB': 'Placed in B only',
  'matching.compare.bothUnplaced': 'Placed in neither',

  'matching.config.title': 'Parameters of this run',
  'matching.config.allSchools': 'All schools',
  'matching.config.allPostings': 'Every open {kind} post',
  'matching.config.somePostings': '{n} chosen posts',
  'matching.config.caps': "Enterprises up to {host}% of employees, posts up to {post}% of the post's staff",
  'matching.config.capsJobs': 'Not applicable (job matching)',

  'matching.confirm.button': 'Confirm and make offers',
  'matching.confirm.title': 'Confirm the results and make offers',
  'matching.confirm.ok': 'Confirm and make offers',
  'matching.confirm.text':
    '“{name}” placed {n} students. Once confirmed, these placements become offers in the applications pipeline; the students are notified and can accept or decline.',
  'matching.confirm.rules':
    'Applications a student already accepted, declined or withdrew stay as they are; placements on closed or expired posts are skipped. A confirmed run cannot be confirmed again or deleted.',
  'matching.confirm.nothing': 'This run placed no student: there is no offer to make.',
  'matching.confirm.refused': 'This run is already confirmed or not finished: it cannot be confirmed.',
  'matching.confirm.doneTitle': '{n} offers made',
  'matching.confirm.doneSkipped':
    '{n} placements were skipped (the post closed or expired, or the student had already decided on it).',
  'matching.confirm.doneAll': 'Every placement became an offer; the students were notified.',
  'matching.confirm.toApplications': 'Go to applications',
};

export default matching;
