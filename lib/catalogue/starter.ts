import type { AssetType } from '@/lib/generated/prisma/enums'

/*
 * A typical school's services and the assets behind them: the FITS table (seed 002, "Step 1":
 * printing, word processing, internet, data storage, technical support) plus the services most schools
 * add. Criticality and times are sensible starting points for the manager to edit, not advice.
 */

type StarterService = {
  key: string
  name: string
  description: string
  usersAffected: string
  criticality: 1 | 2 | 3 | 4
  rtoMinutes: number
  rpoMinutes: number
  maxOutageMinutes: number
  minServiceLevel: string
  needs: { asset: string; required?: boolean }[]
}
type StarterAsset = {
  key: string
  name: string
  type: AssetType
  location?: string
  specification?: string
  dependsOn?: string[]
}

const H = 60
const D = 24 * H
const W = 7 * D

export const STARTER_ASSETS: StarterAsset[] = [
  { key: 'power', name: 'Server room power', type: 'FACILITY', location: 'Server room' },
  {
    key: 'server-room',
    name: 'Server room',
    type: 'FACILITY',
    location: 'Main building',
    dependsOn: ['power'],
  },
  {
    key: 'core-switch',
    name: 'Core network switch',
    type: 'HARDWARE',
    location: 'Server room',
    dependsOn: ['server-room'],
  },
  { key: 'lan', name: 'Local area network (LAN)', type: 'NETWORK', dependsOn: ['core-switch'] },
  { key: 'isp', name: 'Internet service provider', type: 'EXTERNAL_SERVICE' },
  { key: 'wan', name: 'WAN link (broadband line)', type: 'NETWORK', dependsOn: ['isp'] },
  {
    key: 'firewall',
    name: 'Firewall and web filter',
    type: 'HARDWARE',
    location: 'Server room',
    dependsOn: ['server-room'],
  },
  {
    key: 'wifi-ap',
    name: 'Wireless access points',
    type: 'HARDWARE',
    location: 'Classrooms and halls',
    dependsOn: ['lan'],
  },
  { key: 'computers', name: 'Staff computers', type: 'HARDWARE', location: 'Offices and classrooms' },
  { key: 'office-software', name: 'Word-processing software', type: 'SOFTWARE', dependsOn: ['computers'] },
  { key: 'printers', name: 'Printers and copiers', type: 'HARDWARE', location: 'Office and staff room' },
  {
    key: 'print-server',
    name: 'Print server',
    type: 'HARDWARE',
    location: 'Server room',
    dependsOn: ['server-room'],
  },
  {
    key: 'file-server',
    name: 'File server',
    type: 'HARDWARE',
    location: 'Server room',
    dependsOn: ['server-room'],
  },
  { key: 'disks', name: 'Server hard disks (RAID)', type: 'HARDWARE', location: 'Server room' },
  { key: 'backups', name: 'Backups (on and off site)', type: 'DATA' },
  { key: 'technician', name: 'ICT technician', type: 'PEOPLE' },
  { key: 'support-procedures', name: 'Technical support procedures', type: 'PROCEDURE' },
  { key: 'mis-hosted', name: 'MIS (hosted by supplier)', type: 'EXTERNAL_SERVICE' },
  { key: 'email-cloud', name: 'Cloud e-mail service', type: 'EXTERNAL_SERVICE' },
  { key: 'phone-system', name: 'Telephone system', type: 'HARDWARE', location: 'Office' },
  { key: 'phone-lines', name: 'Telephone lines', type: 'NETWORK' },
  { key: 'web-host', name: 'Website hosting', type: 'EXTERNAL_SERVICE' },
  { key: 'safeguarding-system', name: 'Safeguarding recording system', type: 'EXTERNAL_SERVICE' },
  {
    key: 'catering-tills',
    name: 'Catering tills and card readers',
    type: 'HARDWARE',
    location: 'Dining hall',
  },
  { key: 'catering-software', name: 'Cashless catering software', type: 'SOFTWARE' },
]

export const STARTER_SERVICES: StarterService[] = [
  {
    key: 'mis',
    name: 'Management information system (MIS)',
    description: 'Registers, pupil records, parent contact details and reporting.',
    usersAffected: 'All staff; parents through the app',
    criticality: 1,
    rtoMinutes: 4 * H,
    rpoMinutes: D,
    maxOutageMinutes: D,
    minServiceLevel: 'Registers and emergency contact details available to the office.',
    needs: [{ asset: 'mis-hosted' }, { asset: 'wan' }, { asset: 'lan' }, { asset: 'computers' }],
  },
  {
    key: 'safeguarding',
    name: 'Safeguarding records',
    description: 'Recording and reading safeguarding concerns.',
    usersAffected: 'Designated safeguarding leads',
    criticality: 1,
    rtoMinutes: 4 * H,
    rpoMinutes: H,
    maxOutageMinutes: D,
    minServiceLevel: 'Leads can read existing records and log new concerns (on paper if need be).',
    needs: [{ asset: 'safeguarding-system' }, { asset: 'wan' }, { asset: 'computers' }],
  },
  {
    key: 'telephony',
    name: 'Telephony',
    description: 'Incoming and outgoing calls, including to and from parents and emergency services.',
    usersAffected: 'Office, senior leaders, parents',
    criticality: 1,
    rtoMinutes: 2 * H,
    rpoMinutes: 1,
    maxOutageMinutes: 4 * H,
    minServiceLevel: 'One working line in the office.',
    needs: [{ asset: 'phone-system' }, { asset: 'phone-lines' }],
  },
  {
    key: 'internet',
    name: 'Internet',
    description: 'Filtered internet access for staff and pupils.',
    usersAffected: 'All staff and pupils',
    criticality: 2,
    rtoMinutes: D,
    rpoMinutes: 1,
    maxOutageMinutes: 3 * D,
    minServiceLevel: 'Office and staff computers online.',
    needs: [{ asset: 'computers' }, { asset: 'lan' }, { asset: 'wan' }, { asset: 'firewall' }],
  },
  {
    key: 'email',
    name: 'E-mail',
    description: 'Staff e-mail and calendars.',
    usersAffected: 'All staff',
    criticality: 2,
    rtoMinutes: D,
    rpoMinutes: D,
    maxOutageMinutes: 3 * D,
    minServiceLevel: 'Senior leaders and the office can send and receive.',
    needs: [{ asset: 'email-cloud' }, { asset: 'wan' }, { asset: 'computers' }],
  },
  {
    key: 'data-storage',
    name: 'Data storage',
    description: 'Shared drives for staff documents and curriculum resources.',
    usersAffected: 'All staff',
    criticality: 2,
    rtoMinutes: D,
    rpoMinutes: D,
    maxOutageMinutes: 3 * D,
    minServiceLevel: 'Read access to shared documents.',
    needs: [
      { asset: 'file-server' },
      { asset: 'disks' },
      { asset: 'lan' },
      { asset: 'backups', required: false },
    ],
  },
  {
    key: 'catering',
    name: 'Cashless catering',
    description: 'Paying for school meals by account.',
    usersAffected: 'Pupils, kitchen staff, parents',
    criticality: 2,
    rtoMinutes: 4 * H,
    rpoMinutes: D,
    maxOutageMinutes: D,
    minServiceLevel: 'Meals served and recorded on paper for later entry.',
    needs: [{ asset: 'catering-tills' }, { asset: 'catering-software' }, { asset: 'lan' }],
  },
  {
    key: 'tech-support',
    name: 'Technical support',
    description: 'Help with ICT problems, by the school technician or the support supplier.',
    usersAffected: 'All staff',
    criticality: 2,
    rtoMinutes: D,
    rpoMinutes: D,
    maxOutageMinutes: W,
    minServiceLevel: 'Urgent faults logged and answered within a day.',
    needs: [{ asset: 'technician' }, { asset: 'support-procedures' }],
  },
  {
    key: 'wifi',
    name: 'Wi-Fi',
    description: 'Wireless network for laptops and tablets.',
    usersAffected: 'Teachers and pupils using mobile devices',
    criticality: 3,
    rtoMinutes: 2 * D,
    rpoMinutes: 1,
    maxOutageMinutes: W,
    minServiceLevel: 'Coverage in the main teaching block.',
    needs: [{ asset: 'wifi-ap' }, { asset: 'lan' }],
  },
  {
    key: 'printing',
    name: 'Printing',
    description: 'Printing and copying for staff.',
    usersAffected: 'All staff',
    criticality: 3,
    rtoMinutes: 2 * D,
    rpoMinutes: 1,
    maxOutageMinutes: W,
    minServiceLevel: 'One working printer in the office.',
    needs: [
      { asset: 'printers' },
      { asset: 'computers' },
      { asset: 'print-server', required: false },
      { asset: 'lan' },
    ],
  },
  {
    key: 'word-processing',
    name: 'Word processing',
    description: 'Writing letters, reports and lesson materials.',
    usersAffected: 'All staff',
    criticality: 3,
    rtoMinutes: 2 * D,
    rpoMinutes: D,
    maxOutageMinutes: W,
    minServiceLevel: 'Office staff can write and print letters.',
    needs: [{ asset: 'computers' }, { asset: 'office-software' }],
  },
  {
    key: 'website',
    name: 'School website',
    description: 'Public information and statutory publications.',
    usersAffected: 'Parents and the public',
    criticality: 4,
    rtoMinutes: W,
    rpoMinutes: W,
    maxOutageMinutes: 2 * W,
    minServiceLevel: 'A holding page with contact details.',
    needs: [{ asset: 'web-host' }],
  },
]
