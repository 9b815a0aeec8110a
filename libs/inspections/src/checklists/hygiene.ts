import type { Checklist } from '../inspection-rules.types.js';
import { RULE_DOCUMENTS as DOC, SECOND_RELEASE_FROM, revise, type ChecklistEntry } from './documents.js';

/**
 * Hygiene and health care (卫生保健), recorded by health. Versioned as in fire.ts: a later version is a new constant
 * appended to HYGIENE_CHECKLISTS, HYGIENE_V1 is never changed, codes keep their meaning.
 */
const HEALTH = { section: '健康检查', sectionEn: 'Health checks' };
const DAILY = { section: '晨午检', sectionEn: 'Daily checks' };
const ROOM = { section: '保健室与观察室', sectionEn: 'Health and observation rooms' };
const DISINF = { section: '消毒', sectionEn: 'Disinfection' };
const DISEASE = { section: '传染病防控', sectionEn: 'Infectious disease' };
const NUTR = { section: '膳食营养', sectionEn: 'Nutrition records' };
const WATER = { section: '饮水', sectionEn: 'Drinking water' };
const SAFE = { section: '安全防护', sectionEn: 'Safety and safeguarding' };

const V1_ITEMS: ChecklistEntry[] = [
  {
    code: 'HYGIENE-HEALTH-01',
    ...HEALTH,
    text: '全体工作人员持有在有效期内的健康合格证明后上岗',
    textEn: 'Every member of staff works with a health certificate that is still valid',
    finding: '工作人员无有效健康证明',
    findingEn: 'Staff without a valid health certificate',
    severity: 'critical',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-HEALTH-02',
    ...HEALTH,
    text: '婴幼儿入托前均完成健康检查，有入托体检表',
    textEn: 'Every child had a health examination before admission, with the admission form on file',
    finding: '婴幼儿入托未体检',
    findingEn: 'Children admitted without a health examination',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-HEALTH-03',
    ...HEALTH,
    text: '入托时查验预防接种证，未按规定接种的已告知家长补种',
    textEn: 'Vaccination certificates were checked at admission; parents of children with missed vaccinations were told to catch up',
    finding: '未查验预防接种证',
    findingEn: 'Vaccination certificates not checked',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-HEALTH-04',
    ...HEALTH,
    text: '配备经妇幼保健机构培训合格的保健人员',
    textEn: 'A health worker trained by a maternal and child health institution is on the staff',
    finding: '无合格保健人员',
    findingEn: 'No trained health worker',
    severity: 'major',
    rule: DOC.settingStandard,
  },
  {
    code: 'HYGIENE-HEALTH-05',
    ...HEALTH,
    text: '定期为婴幼儿测量身长（高）、体重，进行生长发育监测并记录',
    textEn: "Children's length or height and weight are measured regularly and their growth monitored and recorded",
    finding: '未开展生长发育监测',
    findingEn: 'Growth not monitored',
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DAILY-01',
    ...DAILY,
    text: '每日对入托婴幼儿进行晨检，晨检记录完整',
    textEn: 'Every child is given a morning health check on arrival each day, and the morning check records are complete',
    finding: '无晨检记录',
    findingEn: 'No morning health check records',
    severity: 'critical',
    rule: DOC.managementNorms,
  },
  {
    code: 'HYGIENE-DAILY-02',
    ...DAILY,
    text: '进行午检和全日健康观察，发现异常及时处理并记录',
    textEn: 'A midday check and all-day health observation are done; anything unusual is acted on and recorded',
    finding: '未落实午检和全日观察',
    findingEn: 'No midday check or all-day observation',
    severity: 'major',
    rule: DOC.managementNorms,
  },
  {
    code: 'HYGIENE-DAILY-03',
    ...DAILY,
    text: '对缺勤婴幼儿追查原因，因病缺勤的登记病因',
    textEn: 'Absences are followed up, and the illness is recorded when a child is absent because of it',
    finding: '未追查缺勤原因',
    findingEn: 'Absences not followed up',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DAILY-04',
    ...DAILY,
    text: '家长委托喂药有登记，注明药名、剂量、时间并由家长签字',
    textEn: "Medicine given at parents' request is logged with name, dose and time and signed by the parent",
    finding: '喂药无登记',
    findingEn: 'Medicines given without a log',
    severity: 'minor',
    rule: DOC.managementNorms,
  },
  {
    code: 'HYGIENE-ROOM-01',
    ...ROOM,
    text: '设有保健观察室（区），能临时隔离患病婴幼儿',
    textEn: 'There is a health observation room (or area) where a sick child can be kept apart',
    finding: '无保健观察室',
    findingEn: 'No health observation room',
    severity: 'critical',
    rule: DOC.settingStandard,
  },
  {
    code: 'HYGIENE-ROOM-02',
    ...ROOM,
    text: '保健室配备体重秤、身高（长）计、体温计、消毒用品和常用急救物品',
    textEn: 'The health room has scales, a height or length measure, thermometers, disinfectant and first-aid supplies',
    finding: '保健室设备用品不全',
    findingEn: 'Health room poorly equipped',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-ROOM-03',
    ...ROOM,
    text: '常备药品在有效期内，存放在婴幼儿接触不到的地方',
    textEn: 'Medicines kept on site are in date and stored out of children’s reach',
    finding: '药品过期或存放不当',
    findingEn: "Medicines expired or within children's reach",
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISINF-01',
    ...DISINF,
    text: '落实环境和物品预防性消毒，有消毒记录',
    textEn: 'Rooms and objects are disinfected routinely, with a disinfection log',
    finding: '未落实日常消毒',
    findingEn: 'Routine disinfection not done',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISINF-02',
    ...DISINF,
    text: '消毒剂来源合法，按说明配制使用，存放在婴幼儿接触不到的地方',
    textEn: 'Disinfectants are approved products, mixed as instructed and stored out of children’s reach',
    finding: '消毒剂使用或存放不当',
    findingEn: "Disinfectants misused or within children's reach",
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISINF-03',
    ...DISINF,
    text: '玩具、图书定期清洁消毒',
    textEn: 'Toys and books are cleaned and disinfected regularly',
    finding: '玩具图书未定期消毒',
    findingEn: 'Toys and books not disinfected',
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISINF-04',
    ...DISINF,
    text: '毛巾一人一巾，有个人标识，间隔悬挂，定期清洗消毒',
    textEn: 'Each child has their own marked towel, hung apart from the others and washed and disinfected regularly',
    finding: '毛巾未一人一巾',
    findingEn: 'Towels shared',
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISINF-05',
    ...DISINF,
    text: '活动室、寝室每日开窗通风，被褥定期清洗晾晒',
    textEn: 'Activity and sleeping rooms are aired every day, and bedding is washed and aired regularly',
    finding: '通风或被褥清洗不到位',
    findingEn: 'Rooms not aired or bedding not washed',
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISEASE-01',
    ...DISEASE,
    text: '有专人负责传染病疫情报告，发现疑似传染病按规定报告',
    textEn: 'A named person reports infectious disease, and suspected cases are reported as required',
    finding: '传染病报告无专人负责',
    findingEn: 'No one responsible for reporting infectious disease',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISEASE-02',
    ...DISEASE,
    text: '发生传染病后对所在班级进行检疫观察和终末消毒，有记录',
    textEn: 'After a case of infectious disease, the class is kept under observation and terminally disinfected, with records',
    finding: '传染病发生后未检疫消毒',
    findingEn: 'No observation or disinfection after a case of infectious disease',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISEASE-03',
    ...DISEASE,
    text: '患传染病的婴幼儿痊愈后凭医疗卫生机构证明返托',
    textEn: 'A child who had an infectious disease returns only with a certificate from a health institution',
    finding: '病愈返托未查验证明',
    findingEn: 'Children back after illness without a certificate',
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-DISEASE-04',
    ...DISEASE,
    text: '制定传染病和突发公共卫生事件应急预案',
    textEn: 'There is a written emergency plan for infectious disease and public health incidents',
    finding: '无传染病应急预案',
    findingEn: 'No infectious disease emergency plan',
    severity: 'minor',
    rule: DOC.managementNorms,
  },
  {
    code: 'HYGIENE-NUTR-01',
    ...NUTR,
    text: '制定婴幼儿带量食谱，每周向家长公布',
    textEn: 'Menus with quantities per child are planned and shown to parents every week',
    finding: '未制定或公布带量食谱',
    findingEn: 'No menus with quantities, or not shown to parents',
    severity: 'major',
    rule: DOC.healthCareMeasures,
  },
  {
    code: 'HYGIENE-NUTR-02',
    ...NUTR,
    text: '登记食物过敏婴幼儿，提供替代食物，班级有提示',
    textEn: 'Children with food allergies are listed, given substitute food, and their class staff are alerted',
    finding: '未落实食物过敏管理',
    findingEn: 'Food allergies not managed',
    severity: 'major',
    rule: DOC.managementNorms,
  },
  {
    code: 'HYGIENE-NUTR-03',
    ...NUTR,
    text: '定期进行膳食营养分析，有分析记录',
    textEn: 'The nutrition of the meals is analysed regularly, with the analyses on file',
    finding: '未进行膳食营养分析',
    findingEn: 'No nutrition analysis',
    severity: 'minor',
    rule: DOC.healthCareMeasures,
  },
];

const HYGIENE_V1: Checklist = { domain: 'hygiene', version: 1, effectiveFrom: '2025-01-01', items: V1_ITEMS };

/**
 * Version 2 (docs/domain.md "National rules to encode", corrections for the second release): drinking water and children's cups (from food), video
 * surveillance and access control (from building) are health's; the hazards of the 伤害预防指南 and the other rules
 * (safe sleep, scalds and drowning, small objects, the pick-up hand-over, an injury log, abuse prevention and
 * reporting, daily outdoor time) are added. To stay within 30 items, five pairs of closely related items are merged
 * into one item each (new codes; the pair's higher severity).
 */
const V2_ITEMS: ChecklistEntry[] = revise(
  V1_ITEMS,
  {
    'HYGIENE-HEALTH-02': [
      {
        code: 'HYGIENE-HEALTH-06',
        ...HEALTH,
        text: '婴幼儿入托前均完成健康检查，入托时查验预防接种证，未按规定接种的已告知家长补种',
        textEn:
          'Every child had a health examination before admission and a vaccination certificate check at admission; parents of children with missed vaccinations were told to catch up',
        finding: '入托未体检或未查验预防接种证',
        findingEn: 'Admitted without a health examination or vaccination check',
        severity: 'major',
        rule: DOC.healthCareMeasures,
      },
    ],
    'HYGIENE-HEALTH-03': [],
    'HYGIENE-ROOM-02': [
      {
        code: 'HYGIENE-ROOM-04',
        ...ROOM,
        text: '保健室配备体重秤、身高（长）计、体温计、消毒用品和常用急救物品，常备药品在有效期内并存放在婴幼儿接触不到的地方',
        textEn:
          "The health room has scales, a height or length measure, thermometers, disinfectant and first-aid supplies; its medicines are in date and out of children's reach",
        finding: '保健室设备用品不全或药品管理不当',
        findingEn: 'Health room poorly equipped or medicines mishandled',
        severity: 'major',
        rule: DOC.healthCareMeasures,
      },
    ],
    'HYGIENE-ROOM-03': [],
    'HYGIENE-DISINF-03': [
      {
        code: 'HYGIENE-DISINF-06',
        ...DISINF,
        text: '玩具、图书定期清洁消毒；毛巾一人一巾，有个人标识，间隔悬挂，定期清洗消毒',
        textEn:
          'Toys and books are cleaned and disinfected regularly; each child has their own marked towel, hung apart and washed and disinfected regularly',
        finding: '玩具图书未消毒或毛巾未一人一巾',
        findingEn: 'Toys and books not disinfected, or towels shared',
        severity: 'minor',
        rule: DOC.healthCareMeasures,
      },
    ],
    'HYGIENE-DISINF-04': [],
    'HYGIENE-DISEASE-02': [
      {
        code: 'HYGIENE-DISEASE-05',
        ...DISEASE,
        text: '发生传染病后对所在班级进行检疫观察和终末消毒，有记录；患病婴幼儿痊愈后凭医疗卫生机构证明返托',
        textEn:
          'After a case of infectious disease the class is kept under observation and terminally disinfected, with records; the sick child returns only with a certificate from a health institution',
        finding: '传染病发生后未检疫消毒或返托未查验证明',
        findingEn: 'No observation or disinfection after a case, or a return without a certificate',
        severity: 'major',
        rule: DOC.healthCareMeasures,
      },
    ],
    'HYGIENE-DISEASE-03': [],
    'HYGIENE-NUTR-01': [
      {
        code: 'HYGIENE-NUTR-04',
        ...NUTR,
        text: '制定婴幼儿带量食谱并每周向家长公布，定期进行膳食营养分析',
        textEn:
          "A menu with quantities is drawn up and published to parents every week, and the children's diet is analysed for nutrition regularly",
        finding: '无带量食谱或未做营养分析',
        findingEn: 'No menu with quantities, or no nutrition analysis',
        severity: 'major',
        rule: DOC.healthCareMeasures,
      },
    ],
    'HYGIENE-NUTR-03': [],
  },
  [
    {
      code: 'HYGIENE-WATER-01',
      ...WATER,
      text: '婴幼儿饮用水为合格的市政供水、桶装水或经卫生许可的净水设备出水，饮水设备和二次供水水箱定期清洗消毒，有记录',
      textEn:
        'Children drink mains water, bottled water or water from an approved purifier; dispensers, purifiers and storage tanks are cleaned and disinfected regularly, with records',
      finding: '饮用水或饮水设备无安全保障',
      findingEn: 'Drinking water or its equipment not assured safe',
      severity: 'major',
      rule: DOC.managementNorms,
    },
    {
      code: 'HYGIENE-WATER-02',
      ...WATER,
      text: '婴幼儿水杯一人一杯，有个人标识，每日清洗消毒',
      textEn: 'Each child has their own marked cup, washed and disinfected daily',
      finding: '婴幼儿水杯未专人专用',
      findingEn: "Children's cups not individual",
      severity: 'minor',
      rule: DOC.healthCareMeasures,
    },
    {
      code: 'HYGIENE-SAFE-01',
      ...SAFE,
      text: '视频监控覆盖婴幼儿生活和活动区域，24小时运行，录像保存不少于90天',
      textEn: "Video surveillance covers the children's living and play areas around the clock, footage kept at least 90 days",
      finding: '视频监控未全覆盖或录像保存不足',
      findingEn: 'Video surveillance incomplete or footage not kept 90 days',
      severity: 'major',
      rule: DOC.managementNorms,
    },
    {
      code: 'HYGIENE-SAFE-02',
      ...SAFE,
      text: '出入口有门卫或门禁，外来人员核实身份并登记后方可进入',
      textEn: 'The entrance is guarded or access-controlled; visitors are identified and logged before they come in',
      finding: '出入口无人管理或来访未登记',
      findingEn: 'Entrance unguarded or visitors not logged',
      severity: 'major',
      rule: DOC.settingStandard,
    },
    {
      code: 'HYGIENE-SAFE-03',
      ...SAFE,
      text: '婴幼儿睡眠时有工作人员在场看护巡视，床内无毛绒玩具、绳带等软物，口鼻不被遮盖',
      textEn:
        "A member of staff watches over sleeping children; cots hold no soft toys, cords or other soft things, and nothing covers a child's nose and mouth",
      finding: '睡眠期间无人看护或睡眠环境不安全',
      findingEn: 'Sleeping children unwatched or sleep environment unsafe',
      severity: 'major',
      rule: DOC.injuryPrevention,
    },
    {
      code: 'HYGIENE-SAFE-04',
      ...SAFE,
      text: '热水、热汤、热水瓶等放在婴幼儿接触不到处，盥洗热水有控温措施；水桶、水盆等盛水容器及时清空或加盖，婴幼儿在水边时有人看护',
      textEn:
        "Hot water, hot soup and flasks are out of children's reach and washing water is temperature-limited; buckets and basins are emptied or covered, and children near water are watched",
      finding: '存在烫伤或溺水隐患',
      findingEn: 'Scald or drowning hazard',
      severity: 'major',
      rule: DOC.injuryPrevention,
    },
    {
      code: 'HYGIENE-SAFE-05',
      ...SAFE,
      text: '婴幼儿可触及范围内无纽扣电池、硬币、磁珠、小零件等可吞咽或吸入的小物件，玩具无易脱落的小部件',
      textEn:
        'Nothing a child could swallow or inhale (button batteries, coins, magnets, small parts) is within reach, and no toy has parts that come off',
      finding: '婴幼儿可触及小物件',
      findingEn: 'Small objects within children’s reach',
      severity: 'major',
      rule: DOC.injuryPrevention,
    },
    {
      code: 'HYGIENE-SAFE-06',
      ...SAFE,
      text: '婴幼儿只交给登记的接送人，交接时核验身份并记录，他人接送须经家长确认',
      textEn:
        "Children are handed only to registered collectors, identified and logged at hand-over; anyone else needs the parent's confirmation",
      finding: '接送交接未核验身份',
      findingEn: 'Children handed over without checking the collector',
      severity: 'critical',
      rule: DOC.managementNorms,
    },
    {
      code: 'HYGIENE-SAFE-07',
      ...SAFE,
      text: '婴幼儿伤害事件（含轻微伤）均登记，记录经过、处理和告知家长情况，并定期分析',
      textEn:
        'Every injury to a child, minor ones included, is logged with what happened, how it was treated and when the parents were told, and the log is reviewed',
      finding: '无伤害事件登记',
      findingEn: 'No injury log',
      severity: 'minor',
      rule: DOC.injuryPrevention,
    },
    {
      code: 'HYGIENE-SAFE-08',
      ...SAFE,
      text: '建立防范虐待、体罚和变相体罚的制度并培训工作人员，发现或怀疑婴幼儿受到侵害时立即报告',
      textEn:
        'Rules against abuse and against physical or disguised punishment are in place and staff are trained in them; any known or suspected harm to a child is reported at once',
      finding: '未建立防虐待及报告制度',
      findingEn: 'No rules to prevent and report abuse',
      severity: 'critical',
      rule: DOC.managementNorms,
    },
    {
      code: 'HYGIENE-SAFE-09',
      ...SAFE,
      text: '保证婴幼儿每日户外活动，全日制婴幼儿天气适宜时不少于2小时',
      textEn: 'Children play outdoors every day: children in full-day care at least 2 hours when the weather allows',
      finding: '户外活动时间不足',
      findingEn: 'Too little outdoor time',
      severity: 'minor',
      rule: DOC.healthCareNorms,
    },
  ],
);

const HYGIENE_V2: Checklist = { domain: 'hygiene', version: 2, effectiveFrom: SECOND_RELEASE_FROM, items: V2_ITEMS };

/** Every version of the hygiene and health-care checklist, oldest first. */
export const HYGIENE_CHECKLISTS: Checklist[] = [HYGIENE_V1, HYGIENE_V2];
