import type { Checklist } from '../inspection-rules.types.js';
import { RULE_DOCUMENTS as DOC, SECOND_RELEASE_FROM, revise, type ChecklistEntry } from './documents.js';

/**
 * Building safety (房屋建筑安全), recorded by housing. Versioned as in fire.ts: a later version is a new constant
 * appended to BUILDING_CHECKLISTS, BUILDING_V1 is never changed, codes keep their meaning.
 * Heights and widths are those of JGJ 39-2016 for children's areas.
 */
const STRUCT = { section: '结构', sectionEn: 'Structure' };
const WINDOW = { section: '门窗与护栏', sectionEn: 'Windows, doors and rails' };
const STAIR = { section: '楼梯', sectionEn: 'Stairs' };
const GROUND = { section: '场地', sectionEn: 'Grounds' };
const FIT = { section: '设施设备', sectionEn: 'Fittings' };

const V1_ITEMS: ChecklistEntry[] = [
  {
    code: 'BUILDING-STRUCT-01',
    ...STRUCT,
    text: '房屋无结构安全隐患：承重墙、梁、柱、楼板无明显裂缝、倾斜、变形或不均匀沉降',
    textEn:
      'No structural danger: load-bearing walls, beams, columns and floors show no significant cracks, tilt, deformation or settlement',
    finding: '房屋存在结构安全隐患',
    findingEn: 'Structural danger in the building',
    severity: 'critical',
    rule: DOC.settingStandard,
  },
  {
    code: 'BUILDING-STRUCT-02',
    ...STRUCT,
    text: '使用既有建筑或改变用途的，有房屋安全鉴定合格或结构安全证明材料',
    textEn: 'Existing or converted premises have a building safety appraisal or structural safety certificate on file',
    finding: '缺少房屋安全鉴定',
    findingEn: 'No building safety appraisal',
    severity: 'major',
    rule: DOC.settingStandard,
  },
  {
    code: 'BUILDING-STRUCT-03',
    ...STRUCT,
    text: '未擅自拆改承重结构，未私自加层、搭建',
    textEn: 'No unauthorised alteration of the load-bearing structure, no added storeys or extensions',
    finding: '擅自拆改承重结构或加建',
    findingEn: 'Unauthorised structural alteration or extension',
    severity: 'major',
    rule: DOC.settingStandard,
  },
  {
    code: 'BUILDING-STRUCT-04',
    ...STRUCT,
    text: '吊顶、外墙饰面、空调外机、广告牌等安装牢固，无坠落风险',
    textEn: 'Ceilings, facade cladding, outdoor air-conditioning units and signs are firmly fixed, with no risk of falling',
    finding: '吊顶或外挂物有坠落风险',
    findingEn: 'Ceilings or fixtures at risk of falling',
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-STRUCT-05',
    ...STRUCT,
    text: '屋面、墙面无渗漏，墙皮、瓷砖无空鼓脱落',
    textEn: 'Roofs and walls do not leak; no plaster or tiles are loose or falling',
    finding: '屋面墙面渗漏或脱落',
    findingEn: 'Leaks, or loose plaster or tiles',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-WINDOW-01',
    ...WINDOW,
    text: '婴幼儿可到达的外窗，窗台面距楼地面低于0.90米的设有防护设施',
    textEn: 'Every outside window children can reach with a sill lower than 0.90 m above the floor is guarded',
    finding: '低窗台外窗无防护',
    findingEn: 'Low windows unguarded',
    severity: 'critical',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-WINDOW-02',
    ...WINDOW,
    text: '阳台、屋顶平台、外廊等临空处设防护栏杆，净高不低于1.30米',
    textEn: 'Balconies, roof terraces and open walkways have guard rails at least 1.30 m high',
    finding: '临空处无防护栏杆或栏杆过低',
    findingEn: 'Drops without guard rails, or rails too low',
    severity: 'critical',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-WINDOW-03',
    ...WINDOW,
    text: '防护栏杆防攀爬、防穿越：竖向杆件净距不大于0.09米，无可踏的横向构件',
    textEn: 'Guard rails cannot be climbed or slipped through: vertical bars at most 0.09 m apart, no horizontal footholds',
    finding: '护栏可攀爬或间距过大',
    findingEn: 'Guard rails climbable or with wide gaps',
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-WINDOW-04',
    ...WINDOW,
    text: '婴幼儿用房的门未采用旋转门、弹簧门或推拉门',
    textEn: "Doors of children's rooms are not revolving, spring-closing or sliding doors",
    finding: '婴幼儿用房使用旋转门、弹簧门或推拉门',
    findingEn: "Revolving, spring or sliding doors on children's rooms",
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-WINDOW-05',
    ...WINDOW,
    text: '婴幼儿经常出入的门设防夹手设施，婴幼儿可触及的玻璃为安全玻璃',
    textEn: 'Doors children use have finger guards, and glass within their reach is safety glass',
    finding: '门无防夹手设施或未用安全玻璃',
    findingEn: 'No finger guards or no safety glass',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-STAIR-01',
    ...STAIR,
    text: '楼梯设栏杆扶手，梯段临空一侧均有防护',
    textEn: 'Stairs have balustrades and handrails, and every open side of a flight is guarded',
    finding: '楼梯无栏杆扶手或临空无防护',
    findingEn: 'Stairs without handrails or guarding',
    severity: 'critical',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-STAIR-02',
    ...STAIR,
    text: '楼梯井净宽大于0.11米时，设有防止婴幼儿攀滑的措施',
    textEn: 'A stairwell gap wider than 0.11 m is fitted against children climbing or sliding',
    finding: '楼梯井无防攀滑措施',
    findingEn: 'Stairwell gap not protected against climbing or sliding',
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-STAIR-03',
    ...STAIR,
    text: '楼梯在靠墙一侧设幼儿扶手，高度不大于0.60米',
    textEn: 'Stairs have a child handrail on the wall side, no higher than 0.60 m',
    finding: '楼梯无幼儿扶手',
    findingEn: 'No child handrail on the stairs',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-STAIR-04',
    ...STAIR,
    text: '踏步面防滑，踏步高度不大于0.13米、宽度不小于0.26米',
    textEn: 'Treads are non-slip, risers at most 0.13 m and treads at least 0.26 m deep',
    finding: '楼梯踏步不防滑或尺寸不符',
    findingEn: 'Stair treads slippery or the wrong size',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-GROUND-01',
    ...GROUND,
    text: '场地设围墙或围栏，出入口有门卫或门禁，外人不能随意进入',
    textEn: 'The grounds are fenced and the entrance is guarded or access-controlled, so outsiders cannot walk in',
    finding: '场地未封闭或出入口无人管理',
    findingEn: 'Grounds open or entrance unguarded',
    severity: 'major',
    rule: DOC.settingStandard,
  },
  {
    code: 'BUILDING-GROUND-02',
    ...GROUND,
    text: '场地内水池、井、沟渠等设盖板或防护，无积水坑',
    textEn: 'Ponds, wells and ditches on the grounds are covered or fenced; no standing-water pits',
    finding: '水池、沟渠等无防护',
    findingEn: 'Ponds or ditches unprotected',
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-GROUND-03',
    ...GROUND,
    text: '大型玩具安装牢固、无破损，周围有缓冲地面',
    textEn: 'Large play equipment is firmly fixed and undamaged, with impact-absorbing surfacing around it',
    finding: '大型玩具不牢固或无缓冲地面',
    findingEn: 'Play equipment loose or without safety surfacing',
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-GROUND-04',
    ...GROUND,
    text: '户外活动场地地面平整、防滑，无尖锐突出物',
    textEn: 'The outdoor play area is level and non-slip, with nothing sharp sticking out',
    finding: '活动场地地面不平或有尖锐物',
    findingEn: 'Play area uneven or with sharp objects',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-GROUND-05',
    ...GROUND,
    text: '婴幼儿活动区域与机动车道、停车场隔开',
    textEn: "Children's areas are separated from driveways and parking",
    finding: '儿童活动区与车辆未隔开',
    findingEn: "Children's areas not separated from traffic",
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-FIT-01',
    ...FIT,
    text: '暖气片、热水管道等设防护罩，婴幼儿不能直接接触',
    textEn: 'Radiators and hot-water pipes are covered so children cannot touch them',
    finding: '暖气片或热水管无防护',
    findingEn: 'Radiators or hot pipes unguarded',
    severity: 'major',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-FIT-02',
    ...FIT,
    text: '柜子、电视、置物架等高大家具和电器固定牢固，不会倾倒',
    textEn: 'Tall furniture, shelves and TVs are fixed to the wall so they cannot tip over',
    finding: '高大家具或电器未固定',
    findingEn: 'Tall furniture or TVs not fixed',
    severity: 'major',
    rule: DOC.managementNorms,
  },
  {
    code: 'BUILDING-FIT-03',
    ...FIT,
    text: '视频监控覆盖婴幼儿生活和活动区域，24小时运行，录像保存不少于90天',
    textEn: "Video surveillance covers the children's living and play areas around the clock, footage kept at least 90 days",
    finding: '视频监控未全覆盖或录像保存不足',
    findingEn: 'Video surveillance incomplete or footage not kept 90 days',
    severity: 'major',
    rule: DOC.managementNorms,
  },
  {
    code: 'BUILDING-FIT-04',
    ...FIT,
    text: '1.30米以下的墙角、窗台、家具等阳角为圆角或设有护角',
    textEn: 'Wall corners, sills and furniture edges below 1.30 m are rounded or padded',
    finding: '墙角、家具阳角未做防护',
    findingEn: 'Sharp corners unprotected',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
  {
    code: 'BUILDING-FIT-05',
    ...FIT,
    text: '卫生间地面防滑，便器、洗手池尺寸和高度适合婴幼儿',
    textEn: 'Toilet floors are non-slip and toilets and basins are sized and set at heights for young children',
    finding: '卫生间设施不适合婴幼儿',
    findingEn: 'Toilets unsuitable for young children',
    severity: 'minor',
    rule: DOC.nurseryBuildingCode,
  },
];

const BUILDING_V1: Checklist = { domain: 'building', version: 1, effectiveFrom: '2025-01-01', items: V1_ITEMS };

/**
 * Version 2 (docs/domain.md "National rules to encode", corrections for the second release): video surveillance and access control are health's
 * (HYGIENE-SAFE-01, -02), so the grounds item keeps the fence only (BUILDING-GROUND-06); socket height comes from the
 * fire checklist (BUILDING-FIT-06), and indoor air after fitting-out is checked (BUILDING-FIT-07).
 */
const V2_ITEMS: ChecklistEntry[] = revise(
  V1_ITEMS,
  {
    'BUILDING-GROUND-01': [
      {
        code: 'BUILDING-GROUND-06',
        ...GROUND,
        text: '场地设围墙或围栏，与外界有效分隔',
        textEn: 'The grounds are walled or fenced off from outside',
        finding: '场地未封闭',
        findingEn: 'Grounds not fenced',
        severity: 'major',
        rule: DOC.settingStandard,
      },
    ],
    'BUILDING-FIT-03': [],
  },
  [
    {
      code: 'BUILDING-FIT-06',
      ...FIT,
      text: '婴幼儿活动场所的电源插座为安全型，底边距地面不低于1.80米',
      textEn: "Sockets in children's areas are safety sockets mounted at least 1.80 m above the floor",
      finding: '儿童区域插座不安全或安装过低',
      findingEn: "Unsafe or low sockets in children's areas",
      severity: 'major',
      rule: DOC.nurseryBuildingCode,
    },
    {
      code: 'BUILDING-FIT-07',
      ...FIT,
      text: '室内装饰装修后经室内环境污染物检测，甲醛等浓度不超过标准限值，有检测报告',
      textEn: 'Indoor air was tested after fitting-out: formaldehyde and the other pollutants are within the limits, with a test report',
      finding: '室内空气未检测或甲醛等超标',
      findingEn: 'Indoor air not tested, or formaldehyde above the limit',
      severity: 'major',
      rule: DOC.indoorPollutionCode,
    },
  ],
);

const BUILDING_V2: Checklist = { domain: 'building', version: 2, effectiveFrom: SECOND_RELEASE_FROM, items: V2_ITEMS };

/** Every version of the building safety checklist, oldest first. */
export const BUILDING_CHECKLISTS: Checklist[] = [BUILDING_V1, BUILDING_V2];
